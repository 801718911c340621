using HapticShm.Plugin.Core.Connection;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Shared.Platform;
using HapticShm.Shared.Status;
using Libc = HapticShm.Plugin.Tests.Host.Interop.Libc;

namespace HapticShm.Plugin.Tests.Clap;

/// <summary>
/// The published HapticShm.clap installed as the README says, in a private directory:
/// &lt;root&gt;/HapticShm/HapticShm.clap (a copy: a fresh NativeAOT runtime) with hapticshm-server
/// linked beside it, and a private runtime directory for the whole run. Servers the plugin
/// launches are found by their argv[0], this directory's server path.
/// </summary>
public sealed class ClapBundle : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hapticshm-clap-" + Guid.NewGuid().ToString("N")[..12]);

    public ClapBundle()
    {
        string published = ClapModule.PublishedPath;
        if (!File.Exists(published)) Assert.Fail($"{published} is missing: {ClapModule.MissingMessage}");
        string serverBeside = Path.Combine(Path.GetDirectoryName(published)!, "hapticshm-server");
        Assert.True(File.Exists(serverBeside), $"{serverBeside} is missing: the publish puts the server beside HapticShm.clap");
        string install = Path.Combine(_root, "HapticShm");
        Directory.CreateDirectory(install);
        ClapPath = Path.Combine(install, "HapticShm.clap");
        File.Copy(published, ClapPath);
        ServerPath = Path.Combine(install, "hapticshm-server");
        File.CreateSymbolicLink(ServerPath, serverBeside);
        // The editor's drawing library and font beside the .clap, as the README installs them.
        foreach (string file in new[] { "libSkiaSharp.so", "DejaVuSans.ttf" })
        {
            string beside = Path.Combine(Path.GetDirectoryName(published)!, file);
            Assert.True(File.Exists(beside), $"{beside} is missing: the publish puts the editor's files beside HapticShm.clap");
            File.CreateSymbolicLink(Path.Combine(install, file), beside);
        }
        RuntimeDirectory = RuntimePaths.EnsureDirectory(Path.Combine(_root, "runtime"));
        UseEnvironment();
        Module = new ClapModule(ClapPath);
    }

    internal ClapModule Module { get; }

    public string ClapPath { get; }

    public string ServerPath { get; }

    public string RuntimeDirectory { get; }

    public string StatusPath => Path.Combine(RuntimeDirectory, "status.shm");

    /// <summary>The name the CLAP plugin's connection gives its session.</summary>
    public static string ClientName => $"HapticShm CLAP ({Environment.ProcessId})";

    /// <summary>Points the plugin at the private runtime directory and away from the ring seam.</summary>
    public void UseEnvironment()
    {
        Assert.Equal(0, Libc.unsetenv(RingConnection.RingOverrideVariable));
        Assert.Equal(0, Libc.setenv(RuntimePaths.OverrideVariable, RuntimeDirectory, 1));
    }

    /// <summary>Live servers started from this directory.</summary>
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

    /// <summary>Kills every server started from here, waits until they are gone, removes their status block.</summary>
    public void KillServers()
    {
        foreach (int pid in ServerPids()) Signals.Kill(pid);
        Assert.True(Wait.Until(() => ServerPids().Count == 0, TimeSpan.FromSeconds(5)), "a killed server is still alive after 5 s");
        File.Delete(StatusPath);
    }

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

    /// <summary>The CLAP sessions of this process in <paramref name="block"/>.</summary>
    public static List<ClientStatus> OurClients(StatusBlock block)
    {
        var clients = new List<ClientStatus>();
        for (int i = 0; i < StatusBlock.MaxClients; i++)
        {
            ClientStatus client = block.Client(i);
            if (client.Active != 0 && client.Pid == Environment.ProcessId && client.NameText == ClientName) clients.Add(client);
        }
        return clients;
    }

    public StatusBlock WaitStatus(Func<StatusBlock, bool> condition, string what, double seconds = 30)
    {
        StatusBlock block = default;
        if (!Wait.Until(() => TryReadStatus(out block) && condition(block), TimeSpan.FromSeconds(seconds)))
            Assert.Fail($"timed out after {seconds} s waiting until {what}\n{ServerLog()}");
        return block;
    }

    public string ServerLog()
    {
        string path = Path.Combine(RuntimeDirectory, "server.log");
        try { return File.Exists(path) ? File.ReadAllText(path) : "(no server log)"; }
        catch (IOException) { return "(server log unreadable)"; }
    }

    public void Dispose()
    {
        KillServers();
        Module.Dispose();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }
}
