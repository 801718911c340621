namespace HapticShm.EndToEnd.Tests;

/// <summary>The CLI refuses an untrustworthy runtime directory in one sentence naming it.</summary>
public sealed class RuntimeDirectoryCliTests : IDisposable
{
    private readonly TempRuntimeDirectory _dir = new();

    [Theory]
    [InlineData("status")]
    [InlineData("send", "note", "60")]
    public void Verb_WithASymlinkedRuntimeDirectory_PrintsOneLineNamingItAndExitsOne(params string[] verb)
    {
        string link = Path.Combine(_dir.Path, "link");
        File.CreateSymbolicLink(link, _dir.Path);

        var (exitCode, _, error) = CliProcess.Run(link, verb);

        Assert.True(exitCode == 1, $"exit {exitCode}: {error}");
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"the HapticShm runtime directory {link} is a symbolic link", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
