using HapticShm.Plugin.Core.Connection;
using HapticShm.Plugin.Interop;
using HapticShm.Shared.Platform;
using HapticShm.Shared.Status;
using Libc = HapticShm.Plugin.Tests.Host.Interop.Libc;

namespace HapticShm.Plugin.Tests.Host;

/// <summary>
/// The published bundle re-laid in a private directory - the .so copied (dlopen of a different
/// file gives a fresh NativeAOT runtime, whose environment snapshot is not the one other tests
/// already froze by launching a server) and the server linked next to it - plus one private
/// runtime directory that stays the same for the whole run. Servers the plugin launches from
/// here are found by their argv[0], which is this bundle's server path.
/// </summary>
public sealed class PrivateBundle : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hapticshm-bundle-" + Guid.NewGuid().ToString("N")[..12]);

    public PrivateBundle()
    {
        string published = NativeModule.PublishedBinaryPath;
        if (!File.Exists(published)) Assert.Fail($"{published} is missing: {NativeModule.MissingBundleMessage}");
        string binaries = Path.Combine(_root, "HapticShm.vst3", "Contents", "x86_64-linux");
        Directory.CreateDirectory(binaries);
        string copy = Path.Combine(binaries, "HapticShm.so");
        File.Copy(published, copy);
        ServerPath = Path.Combine(binaries, "hapticshm-server");
        File.CreateSymbolicLink(ServerPath, Path.Combine(Path.GetDirectoryName(published)!, "hapticshm-server"));
        // The editor's drawing library beside the binary and its font in Contents/Resources, as published.
        File.CreateSymbolicLink(Path.Combine(binaries, "libSkiaSharp.so"), Path.Combine(Path.GetDirectoryName(published)!, "libSkiaSharp.so"));
        File.CreateSymbolicLink(Path.Combine(_root, "HapticShm.vst3", "Contents", "Resources"), Path.GetFullPath(Path.Combine(Path.GetDirectoryName(published)!, "..", "Resources")));
        RuntimeDirectory = RuntimePaths.EnsureDirectory(Path.Combine(_root, "runtime"));
        UseEnvironment();
        Module = new NativeModule(copy);
    }

    public NativeModule Module { get; }

    public string ServerPath { get; }

    public string RuntimeDirectory { get; }

    public string StatusPath => Path.Combine(RuntimeDirectory, "status.shm");

    /// <summary>The name the plugin's connection gives its session.</summary>
    public static string ClientName => $"HapticShm VST3 ({Environment.ProcessId})";

    /// <summary>Points the plugin at the private runtime directory and away from the ring seam
    /// (other tests of the collection change both; the plugin reads them through getenv).</summary>
    public void UseEnvironment()
    {
        Assert.Equal(0, Libc.unsetenv(RingConnection.RingOverrideVariable));
        Assert.Equal(0, Libc.setenv(RuntimePaths.OverrideVariable, RuntimeDirectory, 1));
    }

    /// <summary>Activates a fresh plugin instance (48 kHz, float samples) with this bundle's
    /// environment and no server of ours running: it launches one and connects. Returns the instance
    /// (the caller disposes it) and the status block that shows the connection.</summary>
    internal PluginInstance ActivateWithLaunchedServer(int blockSize, out StatusBlock connected)
    {
        UseEnvironment();
        KillServers();
        var plugin = new PluginInstance(Module);
        try
        {
            plugin.Setup(48000, blockSize, ProcessData.kSample32);
            plugin.Start();
            connected = WaitStatus(b => OurClients(b).Count == 1, "the plugin launched a server and connected");
            return plugin;
        }
        catch
        {
            plugin.Dispose();
            throw;
        }
    }

    /// <summary>Live servers started from this bundle.</summary>
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

    /// <summary>Kills (SIGKILL) every server this bundle started, waits until they are gone and
    /// removes the status block they leave behind (it would still list their clients).</summary>
    public void KillServers()
    {
        foreach (int pid in ServerPids()) Signals.Kill(pid);
        Assert.True(Wait.Until(() => ServerPids().Count == 0, TimeSpan.FromSeconds(5)), "a killed server is still alive after 5 s");
        File.Delete(StatusPath);
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

    /// <summary>The plugin sessions of this process in <paramref name="block"/>.</summary>
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

    /// <summary>Polls the status block until <paramref name="condition"/> holds; fails naming <paramref name="what"/>.</summary>
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
