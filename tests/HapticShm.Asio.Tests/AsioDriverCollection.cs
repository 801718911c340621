namespace HapticShm.Asio.Tests;

/// <summary>ASIO allows one open driver per process, so backend tests run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AsioDriverCollection
{
    public const string Name = "asio driver";
}
