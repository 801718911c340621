using System.Diagnostics;

namespace HapticShm.Testing;

/// <summary>Starts a helper program whose output nobody reads: both pipes are redirected and
/// drained, so it never blocks on a full pipe and prints nothing into the test's output.</summary>
public static class DrainedProcess
{
    /// <summary>Starts <paramref name="info"/> with its standard output and error drained and dropped.</summary>
    public static Process Start(ProcessStartInfo info)
    {
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        Process process = Process.Start(info) ?? throw new InvalidOperationException($"{info.FileName} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
