using HapticShm.Plugin.Tests.Host;

namespace HapticShm.Plugin.Tests.Native;

/// <summary>Tests that load the native plugin share one module and run one at a time (the ring
/// test seam is a process-wide environment variable). The real-server tests load their own copy
/// of the library (<see cref="PrivateBundle"/>).</summary>
[CollectionDefinition(Name)]
public sealed class NativeHostCollection : ICollectionFixture<NativeModule>, ICollectionFixture<PrivateBundle>, ICollectionFixture<Clap.ClapBundle>
{
    public const string Name = "native plugin";
}
