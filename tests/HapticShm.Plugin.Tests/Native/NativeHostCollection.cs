using HapticShm.Plugin.Tests.Host;

namespace HapticShm.Plugin.Tests.Native;

/// <summary>Tests that load the native plugin share one module and run one at a time (the ring
/// test seam is a process-wide environment variable).</summary>
[CollectionDefinition(Name)]
public sealed class NativeHostCollection : ICollectionFixture<NativeModule>
{
    public const string Name = "native plugin";
}
