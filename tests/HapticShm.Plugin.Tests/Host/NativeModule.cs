using System.Runtime.InteropServices;

namespace HapticShm.Plugin.Tests.Host;

/// <summary>
/// The published plugin loaded the way a Linux VST3 host loads it: dlopen the bundle's .so,
/// ModuleEntry, GetPluginFactory. One per test class (xunit class fixture); the library stays
/// loaded for the process (a NativeAOT library cannot be unloaded).
/// </summary>
public sealed unsafe class NativeModule : IDisposable
{
    public const string MissingBundleMessage = "run dotnet publish plugin/HapticShm.Plugin -c Release first (./test.sh does it)";

    private readonly nint _library;

    public NativeModule() : this(PublishedBinaryPath)
    {
    }

    /// <summary>Loads the library at <paramref name="binaryPath"/>: a copy of the published one
    /// is a separate NativeAOT runtime with its own view of the environment.</summary>
    internal NativeModule(string binaryPath)
    {
        BinaryPath = binaryPath;
        if (!File.Exists(BinaryPath)) Assert.Fail($"{BinaryPath} is missing: {MissingBundleMessage}");
        _library = NativeLibrary.Load(BinaryPath);
        var moduleEntry = (delegate* unmanaged<void*, byte>)NativeLibrary.GetExport(_library, "ModuleEntry");
        Assert.Equal(1, moduleEntry((void*)_library));
        var getFactory = (delegate* unmanaged<void*>)NativeLibrary.GetExport(_library, "GetPluginFactory");
        Factory = getFactory();
        Assert.True(Factory != null, "GetPluginFactory returned null");
    }

    public string BinaryPath { get; }

    public static string PublishedBinaryPath => Path.Combine(RepositoryRoot(), "artifacts", "HapticShm.vst3", "Contents", "x86_64-linux", "HapticShm.so");

    /// <summary>The factory's IPluginFactory interface (one reference held by this module).</summary>
    public void* Factory { get; private set; }

    public nint Export(string name) => NativeLibrary.GetExport(_library, name);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HapticShm.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("HapticShm.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        if (Factory == null) return;
        Interop.Vst.Release(Factory);
        Factory = null;
        var moduleExit = (delegate* unmanaged<byte>)NativeLibrary.GetExport(_library, "ModuleExit");
        moduleExit();
    }
}
