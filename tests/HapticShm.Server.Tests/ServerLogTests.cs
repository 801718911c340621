using HapticShm.Server.Logging;

namespace HapticShm.Server.Tests;

public sealed class ServerLogTests : IDisposable
{
    private readonly TempRuntimeDirectory _dir = new();

    private string LogPath => Path.Combine(_dir.Path, "server.log");

    [Fact]
    public void Write_WhenAValueThrowsWhileFormatting_LeavesTheLogUsableFromAnotherThread()
    {
        using var log = new ServerLog(LogPath, toStderr: false);

        Assert.Throws<FormatException>(() => log.Write($"before {new ThrowingValue()} after"));
        // Before the fix the handler held the log's lock here, and any other thread blocked forever.
        Assert.True(Finishes.Within(TimeSpan.FromSeconds(10), () => log.Write($"from another thread {42}")),
            "another thread could not log after a value threw while formatting");
        string text = File.ReadAllText(LogPath);
        Assert.EndsWith("] from another thread 42\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("before", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_FromManyThreads_KeepsEveryLineWhole()
    {
        using var log = new ServerLog(LogPath, toStderr: false);
        Parallel.For(0, 8, t =>
        {
            for (int i = 0; i < 200; i++) log.Write($"thread {t} line {i} end");
        });
        string[] lines = File.ReadAllLines(LogPath);
        Assert.Equal(1600, lines.Length);
        Assert.All(lines, line => Assert.Matches(@"^\[\d+\.\d{3}\] thread \d line \d+ end$", line));
    }

    [Fact]
    public void Write_AfterTheFirstLine_AllocatesNothing()
    {
        using var log = new ServerLog(LogPath, toStderr: false);
        for (int i = 0; i < 10; i++) log.Write($"warm-up {i} {1.5:F2}"); // first line: this thread's buffer
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) log.Write($"client {i} ({"name".AsSpan()}) left after {i * 0.25:F2} s");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }

    public void Dispose() => _dir.Dispose();

    private readonly struct ThrowingValue : ISpanFormattable
    {
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
            throw new FormatException("this value cannot be formatted");

        public string ToString(string? format, IFormatProvider? formatProvider) => throw new FormatException("this value cannot be formatted");
    }
}
