using System.Diagnostics;

namespace HapticShm.Plugin.Tests.Host.X11;

/// <summary>
/// A headless X server for the editor tests: <c>Xvfb :N</c> on the first free display number,
/// started here and stopped at the end; DISPLAY points at it (setenv, so the plugin's libX11 sees
/// it too). Fails when Xvfb is not installed.
/// </summary>
public sealed class XvfbDisplay : IDisposable
{
    private readonly Process _xvfb;

    public XvfbDisplay()
    {
        string? xvfb = FindXvfb();
        if (xvfb is null) Assert.Fail("Xvfb is missing: install xvfb (apt-get install xvfb)");
        for (int number = 90; ; number++)
        {
            Assert.True(number < 190, "no free X display number in :90..:189");
            if (InUse(number)) continue;
            _xvfb = DrainedProcess.Start(new ProcessStartInfo(xvfb, [$":{number}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"]));
            if (Wait.Until(() => File.Exists($"/tmp/.X11-unix/X{number}") || _xvfb.HasExited, TimeSpan.FromSeconds(10)) && !_xvfb.HasExited)
            {
                Name = $":{number}";
                Assert.Equal(0, Interop.Libc.setenv("DISPLAY", Name, 1));
                return;
            }
            if (!_xvfb.HasExited) _xvfb.Kill();
            _xvfb.WaitForExit();
            _xvfb.Dispose(); // another run took the number first: try the next
        }
    }

    /// <summary>":N".</summary>
    public string Name { get; } = "";

    // A lock file names the server's pid; one whose process is gone is stale (Xvfb replaces it).
    private static bool InUse(int number)
    {
        string lockFile = $"/tmp/.X{number}-lock";
        if (!File.Exists(lockFile)) return File.Exists($"/tmp/.X11-unix/X{number}");
        try
        {
            return !int.TryParse(File.ReadAllText(lockFile).Trim(), out int pid) || Directory.Exists($"/proc/{pid}");
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static string? FindXvfb()
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
        {
            string candidate = Path.Combine(directory, "Xvfb");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public void Dispose()
    {
        // SIGTERM: Xvfb removes its lock file and socket on the way out (SIGKILL would leave them).
        Signals.Terminate(_xvfb.Id);
        if (!_xvfb.WaitForExit(5000)) _xvfb.Kill();
        _xvfb.WaitForExit();
        _xvfb.Dispose();
    }
}
