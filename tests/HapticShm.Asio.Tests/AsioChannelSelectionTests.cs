using HapticShm.Server.Backends;
using HapticShm.Server.Backends.Asio;

namespace HapticShm.Asio.Tests;

public sealed class AsioChannelSelectionTests
{
    private static readonly string[] Names = Enumerable.Range(0, 64).Select(FakeAsioDriver.ChannelName).ToArray();

    [Fact]
    public void Resolve_NoSpec_TakesFirstOutputs()
    {
        Assert.Equal([0, 1, 2, 3], AsioChannelSelection.Resolve(null, Names, 4));
    }

    [Fact]
    public void Resolve_IndicesRangesAndNames_KeepsGivenOrder()
    {
        int[] selected = AsioChannelSelection.Resolve(["63", "0-2", "out 41", " 7 "], Names, 6);
        Assert.Equal([63, 0, 1, 2, 40, 7], selected);
    }

    [Theory]
    [InlineData("64")]
    [InlineData("Out 65")]
    [InlineData("3-70")]
    public void Resolve_UnknownChannel_ThrowsNamingIt(string entry)
    {
        var error = Assert.Throws<AudioBackendException>(() => AsioChannelSelection.Resolve([entry], Names, 1));
        Assert.Contains(entry, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_SameChannelTwice_Throws()
    {
        Assert.Throws<AudioBackendException>(() => AsioChannelSelection.Resolve(["3", "Out 4"], Names, 2));
    }

    [Fact]
    public void Resolve_CountDiffersFromServerChannels_Throws()
    {
        var error = Assert.Throws<AudioBackendException>(() => AsioChannelSelection.Resolve(["0", "1"], Names, 3));
        Assert.Contains("2 ASIO output channels selected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MoreChannelsThanOutputs_Throws()
    {
        Assert.Throws<AudioBackendException>(() => AsioChannelSelection.Resolve(null, Names, 65));
    }
}
