using System.Diagnostics;

namespace HapticShm.Cli;

/// <summary>Starts this same CLI again as a child process (for hidden helper verbs).</summary>
internal static class SelfProcess
{
    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this process's executable");
        var info = new ProcessStartInfo(host) { UseShellExecute = false, RedirectStandardOutput = true };
        // Under `dotnet hapticshm.dll` the process is the dotnet host: pass the assembly first.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            info.ArgumentList.Add(typeof(SelfProcess).Assembly.Location);
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        return info;
    }
}
