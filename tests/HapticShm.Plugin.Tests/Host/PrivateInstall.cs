using System.Diagnostics;
using HapticShm.Plugin.Core.Connection;
using HapticShm.Shared.Platform;
using HapticShm.Shared.Status;
using Libc = HapticShm.Plugin.Tests.Host.Interop.Libc;

namespace HapticShm.Plugin.Tests.Host;

/// <summary>
/// What the VST3 and CLAP private bundles share: a private temp root holding the installed plugin
/// with hapticshm-server linked beside it, one private runtime directory for the whole run, and the
/// plumbing to find, kill and read the servers launched from here (found by their argv[0], which is
/// this install's server path).
/// </summary>
public abstract class PrivateInstall : IDisposable
{
    /// <param name="rootPrefix">The temp directory's name before its random suffix.</param>
    /// <param name="serverDirectory">Where, below the root, the server link lives (beside the plugin binary).</param>
    protected PrivateInstall(string rootPrefix, string serverDirectory)
    {
        Root = Path.Combine(Path.GetTempPath(), rootPrefix + Guid.NewGuid().ToString("N")[..12]);
        ServerPath = Path.Combine(Root, serverDirectory, "hapticshm-server");
        RuntimeDirectory = Path.Combine(Root, "runtime");
    }

    protected string Root { get; }

    public string ServerPath { get; }

    public string RuntimeDirectory { get; private set; }

    public string StatusPath => Path.Combine(RuntimeDirectory, "status.shm");

    /// <summary>Creates the private runtime directory (owner-only) and points the plugin at it.</summary>
    protected void PrepareRuntime()
    {
        RuntimeDirectory = RuntimePaths.EnsureDirectory(RuntimeDirectory);
        UseEnvironment();
    }

    /// <summary>The default JACK server the servers launched from here look for: one nobody runs.</summary>
    public static string NoJackServer { get; } = "hs-nojack-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Points the plugin at the private runtime directory and away from the ring seam
    /// (other tests of the collection change both; the plugin reads them through getenv), and the
    /// servers it launches (backend auto, with the host's environment) at a default JACK server
    /// nobody runs: a jackd elsewhere on the machine, or one still shutting down, neither hosts
    /// them nor holds up their start. Tests that want JACK start their server on a named jackd.</summary>
    public void UseEnvironment()
    {
        Assert.Equal(0, Libc.unsetenv(RingConnection.RingOverrideVariable));
        Assert.Equal(0, Libc.setenv(RuntimePaths.OverrideVariable, RuntimeDirectory, 1));
        Assert.Equal(0, Libc.setenv("JACK_DEFAULT_SERVER", NoJackServer, 1));
    }

    /// <summary>Live servers started from this install.</summary>
    public List<int> ServerPids()
    {
        var pids = new List<int>();
        foreach (string directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out int pid)) continue;
            try
            {
                byte[] commandLine = File.ReadAllBytes(Path.Combine(directory, "cmdline"));
                int end = Array.IndexOf(commandLine, (byte)0);
                if (end > 0 && System.Text.Encoding.UTF8.GetString(commandLine, 0, end) == ServerPath) pids.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // gone or not ours
        }
        return pids;
    }

    /// <summary>Kills (SIGKILL) every server this install started, waits until they are gone and
    /// removes the status block they leave behind (it would still list their clients).</summary>
    public void KillServers()
    {
        foreach (int pid in ServerPids()) Signals.Kill(pid);
        Assert.True(Wait.Until(() => ServerPids().Count == 0, TimeSpan.FromSeconds(5)), "a killed server is still alive after 5 s");
        File.Delete(StatusPath);
    }

    /// <summary>Starts this install's server on the JACK backend of <paramref name="jackServer"/>
    /// with the private runtime directory; its output is drained and dropped.</summary>
    public Process StartJackServer(string jackServer)
    {
        var info = new ProcessStartInfo(ServerPath);
        foreach (string argument in new[] { "--backend", "jack", "--jack-server", jackServer, "--idle-exit", "0" }) info.ArgumentList.Add(argument);
        info.Environment[RuntimePaths.OverrideVariable] = RuntimeDirectory;
        return DrainedProcess.Start(info);
    }

    /// <summary>A consistent copy of the server's status block, if a server published one.</summary>
    public bool TryReadStatus(out StatusBlock block)
    {
        block = default;
        try
        {
            using StatusFile status = StatusFile.Open(StatusPath);
            return status.TryRead(out block) && block.ReadyNs != 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The sessions of this process named <paramref name="clientName"/> in <paramref name="block"/>.</summary>
    protected static List<ClientStatus> ClientsNamed(StatusBlock block, string clientName)
    {
        var clients = new List<ClientStatus>();
        for (int i = 0; i < StatusBlock.MaxClients; i++)
        {
            ClientStatus client = block.Client(i);
            if (client.Active != 0 && client.Pid == Environment.ProcessId && client.NameText == clientName) clients.Add(client);
        }
        return clients;
    }

    /// <summary>Polls the status block until <paramref name="condition"/> holds; fails naming <paramref name="what"/>.</summary>
    public StatusBlock WaitStatus(Func<StatusBlock, bool> condition, string what, double seconds = 30)
    {
        StatusBlock block = default;
        if (!Wait.Until(() => TryReadStatus(out block) && condition(block), TimeSpan.FromSeconds(seconds)))
            Assert.Fail($"timed out after {seconds} s waiting until {what}\nlive servers from here: [{string.Join(", ", ServerPids())}]; the log of every server of the run:\n{ServerLog()}");
        return block;
    }

    public string ServerLog()
    {
        string path = Path.Combine(RuntimeDirectory, "server.log");
        try { return File.Exists(path) ? File.ReadAllText(path) : "(no server log)"; }
        catch (IOException) { return "(server log unreadable)"; }
    }

    /// <summary>Unloads the plugin module (after the servers are killed, before the root is removed).</summary>
    protected abstract void DisposeModule();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        KillServers();
        DisposeModule();
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
