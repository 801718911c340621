using HapticShm.Plugin.Core.Connection;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Shared.Platform;
using Libc = HapticShm.Plugin.Tests.Host.Interop.Libc;

namespace HapticShm.Plugin.Tests.Native;

/// <summary>With no server running, activating the plugin starts the server shipped in the
/// bundle, detached, its output going to the log in the runtime directory.</summary>
[Collection(NativeHostCollection.Name)]
public sealed class ServerLaunchTests(NativeModule module) : IDisposable
{
    private readonly string _runtimeDirectory = Path.Combine(Path.GetTempPath(), "hapticshm-launch-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void SetActive_NoServerAnswers_LaunchesTheBundledServerLoggingToTheRuntimeDirectory()
    {
        string server = Path.Combine(Path.GetDirectoryName(module.BinaryPath)!, "hapticshm-server");
        Assert.True(File.Exists(server), $"{server} is missing: the bundle ships the server ({NativeModule.MissingBundleMessage})");
        Libc.unsetenv(RingConnection.RingOverrideVariable);
        Assert.Equal(0, Libc.setenv(RuntimePaths.OverrideVariable, _runtimeDirectory, 1));
        string log = Path.Combine(_runtimeDirectory, "server.log");

        using (var plugin = new PluginInstance(module))
        {
            plugin.Setup(48000, 64, 0);
            plugin.Start();
            Wait.Until(() => File.Exists(log) && new FileInfo(log).Length > 0, TimeSpan.FromSeconds(10)); // asserted below
            plugin.Stop();
        }

        Assert.True(File.Exists(log), $"no {log}: the server was not launched");
        Assert.True(new FileInfo(log).Length > 0, "the server wrote nothing to its log");
    }

    public void Dispose()
    {
        Libc.unsetenv(RuntimePaths.OverrideVariable);
        try { Directory.Delete(_runtimeDirectory, recursive: true); }
        catch (IOException) { }
    }
}
