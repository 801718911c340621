using System.CommandLine;
using System.Diagnostics;
using HapticShm.Cli.ServerControl;
using HapticShm.Shared.Status;

namespace HapticShm.Cli.Verbs;

/// <summary><c>hapticshm server run|start|stop</c>.</summary>
internal static class ServerVerbs
{
    public static Command Create()
    {
        var server = new Command("server", "Run, start or stop the HapticShm server.");
        server.Subcommands.Add(CreateRun());
        server.Subcommands.Add(CreateStart());
        server.Subcommands.Add(CreateStop());
        return server;
    }

    private static Command CreateRun()
    {
        var set = new ServerOptionSet();
        var run = new Command("run", "Run the server in the foreground (Ctrl+C stops it); logs to stderr and the log file.");
        set.AddTo(run);
        run.SetAction(result =>
        {
            var info = new ProcessStartInfo(ServerLauncher.ExecutablePath()) { UseShellExecute = false };
            foreach (string argument in set.ToServerArguments(result)) info.ArgumentList.Add(argument);
            info.ArgumentList.Add("--foreground");
            using var process = Process.Start(info)!;
            // Ctrl+C reaches the server too (same process group); wait for its clean exit.
            Console.CancelKeyPress += (_, e) => e.Cancel = true;
            process.WaitForExit();
            return process.ExitCode;
        });
        return run;
    }

    private static Command CreateStart()
    {
        var set = new ServerOptionSet();
        var start = new Command("start", "Start the server in the background and wait until it answers; prints its pid.");
        set.AddTo(start);
        start.SetAction(async (result, _) =>
        {
            if (ServerProbe.TryReadStatus() is StatusBlock running)
            {
                Console.WriteLine($"a server is already running: pid {running.ServerPid} ({running.BackendText})");
                return 0;
            }
            try
            {
                StatusBlock status = await ServerLauncher.StartAsync(set.ToServerArguments(result), TimeSpan.FromSeconds(10)).ConfigureAwait(false);
                Console.WriteLine($"server started: pid {status.ServerPid} ({status.BackendText}, {status.SampleRate} Hz, {status.BlockSize} frames, {status.ChannelCount} channels)");
                return 0;
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or FileNotFoundException)
            {
                Console.Error.WriteLine($"hapticshm server start: {e.Message}");
                return 1;
            }
        });
        return start;
    }

    private static Command CreateStop()
    {
        var stop = new Command("stop", "Stop the running server (SIGTERM) and wait until it has exited.");
        stop.SetAction(_ =>
        {
            if (ServerProbe.TryReadStatus() is not StatusBlock status)
            {
                Console.WriteLine("no server is running");
                return 0;
            }
            int pid = status.ServerPid;
            Interop.Signals.Terminate(pid);
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (ServerProbe.IsAlive(pid) && DateTime.UtcNow < deadline) Thread.Sleep(10);
            if (ServerProbe.IsAlive(pid))
            {
                Console.Error.WriteLine($"hapticshm server stop: server {pid} did not exit within 5 s");
                return 1;
            }
            Console.WriteLine($"server {pid} stopped");
            return 0;
        });
        return stop;
    }
}
