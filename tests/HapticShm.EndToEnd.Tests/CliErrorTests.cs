using System.Text.RegularExpressions;
using HapticShm.Cli.Midi;

namespace HapticShm.EndToEnd.Tests;

/// <summary>Every verb, run as the real CLI with bad arguments and bad files, answers with one
/// line naming the verb and never with a stack trace.</summary>
public sealed partial class CliErrorTests : IDisposable
{
    private readonly TempRuntimeDirectory _runtime = new();
    private readonly string _files = Directory.CreateTempSubdirectory("hapticshm-cli-errors-").FullName;

    public CliErrorTests()
    {
        File.WriteAllText(Path.Combine(_files, "garbage.mid"), "this is not a MIDI file");
        File.WriteAllText(Path.Combine(_files, "garbage.json"), "{ not json");
        var track = new SmfTrackWriter().Channel(0, 0x90, 60, 100).Channel(480, 0x80, 60, 0);
        File.WriteAllBytes(Path.Combine(_files, "good.mid"), SmfTrackWriter.BuildFile(480, track));
    }

    /// <summary>Arguments ({files} is a folder with garbage.mid, garbage.json and good.mid), the exit
    /// code and the verb the one line must name.</summary>
    public static TheoryData<string, int, string> BadInvocations() => new()
    {
        { "render", 1, "render" },
        { "render {files}/missing.mid -o {files}/out.wav", 1, "render" },
        { "render {files}/garbage.mid -o {files}/out.wav", 1, "render" },
        { "render {files}/good.mid -o {files}/no/such/dir/out.wav", 1, "render" },
        { "render {files}/good.mid -o {files}", 1, "render" },
        { "render {files}/good.mid -o {files}/out.wav --layout {files}/garbage.json", 1, "render" },
        { "render {files}/good.mid -o {files}/out.wav --plot {files}/no/such/dir/out.png", 1, "render" },
        { "render {files}/good.mid -o {files}/out.wav --block 0", 1, "render" },
        { "play {files}/missing.mid", 1, "play" },
        { "play {files}/garbage.mid", 1, "play" },
        { "play", 1, "play" },
        { "send note 300", 1, "send note" },
        { "send note abc", 1, "send note" },
        { "send note 60 --duration soon", 3, "send" },
        { "send param no-such-param 1", 1, "send" },
        { "send param wave-speed fast", 1, "send" },
        { "send storm --per-ms 0", 1, "send storm" },
        { "send panic --bogus", 1, "send panic" },
        { "bench ring --capacity 3 --seconds 0.1", 1, "bench ring" },
        { "bench ring --seconds -1", 1, "bench ring" },
        { "bench engine --seconds 0", 1, "bench engine" },
        { "bench engine --lowest-note 128", 1, "bench engine" },
        { "bench startup --server {files}/no-such-server --runs 1", 1, "bench startup" },
        { "bench latency --block 7", 1, "bench latency" },
        { "soak --minutes 0", 1, "soak" },
        { "chaos --rounds 0", 1, "chaos" },
        { "monitor --seconds abc", 1, "monitor" },
        { "status --bogus", 1, "status" },
        { "devices --bogus", 1, "devices" },
        { "demo --backend bogus", 1, "demo" },
        { "server start --backend bogus", 1, "server start" },
        { "server run --backend bogus", 1, "server run" },
        { "server start --layout {files}/garbage.json", 1, "server start" },
        { "server stop --bogus", 1, "server stop" },
        { "bench-ring-producer {files}/missing.shm 0.1 0.1", 1, "bench-ring-producer" },
    };

    [Theory]
    [MemberData(nameof(BadInvocations))]
    public void BadArgumentsOrFiles_PrintOneLineNamingTheVerb_NeverAStackTrace(string arguments, int exitCode, string verb)
    {
        string[] argv = arguments.Replace("{files}", _files, StringComparison.Ordinal).Split(' ');
        var (exit, output, error) = CliProcess.Run(_runtime.Path, argv);

        Assert.DoesNotMatch(StackFrame(), output);
        Assert.DoesNotMatch(StackFrame(), error);
        Assert.Equal(exitCode, exit);
        string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"one line expected on stderr, got {lines.Length}:\n{error}");
        Assert.StartsWith($"hapticshm {verb}: ", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ServerStart_WhenTheServerFails_TheReasonIsInServerLogAndInTheLine()
    {
        // A directory where the status file belongs: the server cannot publish and must say why.
        Directory.CreateDirectory(Path.Combine(_runtime.Path, "status.shm"));

        var (exit, output, error) = CliProcess.Run(_runtime.Path, "server", "start", "--backend", "null");

        Assert.DoesNotMatch(StackFrame(), output + error);
        Assert.Equal(1, exit);
        string log = File.ReadAllText(Path.Combine(_runtime.Path, "server.log"));
        string reason = log.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.Contains("status.shm", reason, StringComparison.Ordinal);
        Assert.Contains(reason.Trim(), error, StringComparison.Ordinal);
        Assert.StartsWith("hapticshm server start: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Devices_WithNoJackServer_SaysWhatItFoundAndExitsZero()
    {
        string name = "hapticshm-none-" + Guid.NewGuid().ToString("N")[..8];

        var (exit, output, error) = CliProcess.Run(_runtime.Path, "devices", "--jack-server", name);

        Assert.DoesNotMatch(StackFrame(), output + error);
        Assert.Equal(0, exit);
        Assert.Contains($"no JACK server '{name}' is running", output, StringComparison.Ordinal);
        Assert.Contains("available: the null backend", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FileWithATrailingByte_PlaysItsNotesWithOneWarningLine()
    {
        var track = new SmfTrackWriter();
        for (int i = 0; i < 8; i++) track.Channel(i * 96, 0x90, (byte)(60 + i), 100).Channel(i * 96 + 48, 0x80, (byte)(60 + i), 0);
        byte[] valid = SmfTrackWriter.BuildFile(96, track);
        string midi = Path.Combine(_files, "extra-byte.mid");
        File.WriteAllBytes(midi, [.. valid, 0x00]);

        var (exit, output, error) = CliProcess.Run(_runtime.Path, "render", midi, "-o", Path.Combine(_files, "extra.wav"));

        Assert.Equal(0, exit);
        Assert.Contains("8 notes", output, StringComparison.Ordinal);
        string warning = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"warning: extra-byte.mid: byte {valid.Length}: ", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void ServerHelp_NamesEveryBackend()
    {
        string server = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "hapticshm-server.exe" : "hapticshm-server");
        var info = new System.Diagnostics.ProcessStartInfo(server, "--help") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = System.Diagnostics.Process.Start(info)!;
        string help = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(30_000));

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("auto, jack, null or asio", help, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _runtime.Dispose();
        Directory.Delete(_files, recursive: true);
    }

    [GeneratedRegex(@"^\s+at\s", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
