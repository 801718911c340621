using HapticShm.Server.Backends.Jack;

namespace HapticShm.Server.Tests.Jack;

public sealed class ConnectMapTests
{
    [Fact]
    public void Parse_CommentsBlankLinesAndEveryPortSpelling_GivesTheEntriesInFileOrder()
    {
        const string text = """
            # transducers 1..32 on the built-in interface, 33.. on a second one through alsa_out
            out_1   system:playback_1
            out_033 usb2:playback_1   # leading zeros are fine

            128	PulseAudio JACK Sink:front-left
            hapticshm:out_2 system:playback_2
            out_1 usb2:playback_2
            """;

        ConnectMap map = ConnectMap.Parse(text, "map.txt", channelCount: 128);

        Assert.Equal(
            [(2, 1, "system:playback_1"), (3, 33, "usb2:playback_1"), (5, 128, "PulseAudio JACK Sink:front-left"), (6, 2, "system:playback_2"), (7, 1, "usb2:playback_2")],
            map.Entries.Select(e => (e.Line, e.Channel, e.Destination)));
        Assert.Equal("out_33", map.Entries[1].SourcePort);
    }

    [Theory]
    [InlineData("out_1 system:playback_1\nspeaker system:playback_2", "map.txt: line 2: 'speaker' is not one of our ports: write out_1 .. out_32 (or the number alone)")]
    [InlineData("out_1 system:playback_1\n\nout_33 system:playback_2", "map.txt: line 3: 'out_33': the layout has 32 transducers, so the ports are out_1 .. out_32")]
    [InlineData("out_0 system:playback_1", "map.txt: line 1: 'out_0': the layout has 32 transducers, so the ports are out_1 .. out_32")]
    [InlineData("# header\nout_4", "map.txt: line 2: 'out_4' has no destination: write 'out_4 system:playback_1' (our port, then the JACK port it feeds)")]
    [InlineData("out_4 playback_4", "map.txt: line 1: 'playback_4' is not a full JACK port name: write client:port, e.g. system:playback_1")]
    [InlineData("out_4 system:", "map.txt: line 1: 'system:' is not a full JACK port name: write client:port, e.g. system:playback_1")]
    [InlineData("out_4 a:b\nout_4 a:b", "map.txt: line 2: out_4 -> a:b is listed twice")]
    [InlineData("out_99999999999 a:b", "map.txt: line 1: 'out_99999999999' is not one of our ports: write out_1 .. out_32 (or the number alone)")]
    public void Parse_Malformed_NamesTheLineAndTheProblem(string text, string expected)
    {
        var error = Assert.Throws<ConnectMapException>(() => ConnectMap.Parse(text, "map.txt", channelCount: 32));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Load_MissingFile_SaysItCannotReadIt()
    {
        string path = Path.Combine(Path.GetTempPath(), "hapticshm-no-such-map-" + Guid.NewGuid().ToString("N") + ".txt");
        var error = Assert.Throws<ConnectMapException>(() => ConnectMap.Load(path, 32));
        Assert.StartsWith($"{path}: cannot read the file", error.Message, StringComparison.Ordinal);
    }
}
