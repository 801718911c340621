namespace HapticShm.Engine.Tests;

public sealed class TransducerLayoutTests
{
    [Fact]
    public void Default_Is4By8GridAt5cm()
    {
        TransducerLayout layout = TransducerLayout.Default;
        Assert.Equal(32, layout.Count);
        Assert.Equal(0.35f, layout.Positions[7].X, 5);
        Assert.Equal(0.15f, layout.Positions[31].Y, 5);
        Assert.Equal(0.175f, layout.Centre.X, 5);
        Assert.Equal(0.075f, layout.Centre.Y, 5);
        foreach (float gain in layout.Gains) Assert.Equal(1f, gain);
    }

    [Fact]
    public void Parse_ValidDocument_ReadsPositionsAndDefaultGain()
    {
        TransducerLayout layout = TransducerLayout.Parse("""{ "transducers": [ { "x": 0.1, "y": -0.2, "gain": 0.5 }, { "x": 1, "y": 2 } ] }""", "t.json");
        Assert.Equal(2, layout.Count);
        Assert.Equal(-0.2f, layout.Positions[0].Y, 6);
        Assert.Equal(0.5f, layout.Gains[0]);
        Assert.Equal(1f, layout.Gains[1]);
        Assert.Equal(0.55f, layout.Centre.X, 6);
    }

    [Theory]
    [InlineData("""{ "transducers": [ {"x":0,"y":0}, {"x":0,"y":0}, {"x":0,"y":0}, {"y":0} ] }""", "$.transducers[3].x", "missing")]
    [InlineData("""{ "transducers": [ {"x":"left","y":0} ] }""", "$.transducers[0].x", "not a number")]
    [InlineData("""{ "transducers": [ {"x":0,"y":"NaN"} ] }""", "$.transducers[0].y", "NaN")]
    [InlineData("""{ "transducers": [ {"x":0,"y":true} ] }""", "$.transducers[0].y", "not a number")]
    [InlineData("""{ "transducers": [ {"x":0,"y":0,"gain":-1} ] }""", "$.transducers[0].gain", ">= 0")]
    [InlineData("""{ "transducers": [] }""", "$.transducers", "found 0")]
    [InlineData("""{ "speakers": [] }""", "$.transducers", "missing")]
    [InlineData("""[1, 2]""", "$", "must be an object")]
    [InlineData("{ \"transducers\": [\n { \"x\": 0, \"y\": } ] }", "$", "malformed JSON at line 2")]
    public void Parse_BadDocument_ThrowsNamingFilePathAndProblem(string json, string path, string problem)
    {
        var e = Assert.Throws<LayoutException>(() => TransducerLayout.Parse(json, "lab.json"));
        Assert.StartsWith($"lab.json: {path}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooManyTransducers_Throws()
    {
        string items = string.Join(",", Enumerable.Repeat("""{"x":0,"y":0}""", 257));
        var e = Assert.Throws<LayoutException>(() => TransducerLayout.Parse($$"""{ "transducers": [{{items}}] }""", "big.json"));
        Assert.Equal("big.json: $.transducers: needs 1..256 transducers, found 257", e.Message);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"no-such-layout-{Environment.ProcessId}.json");
        var e = Assert.Throws<LayoutException>(() => TransducerLayout.Load(path));
        Assert.StartsWith($"{path}: $: cannot read", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_File_ParsesIt()
    {
        string path = Path.Combine(Path.GetTempPath(), $"layout-{Environment.ProcessId}.json");
        File.WriteAllText(path, """{ "transducers": [ { "x": 0, "y": 0 }, { "x": 0.05, "y": 0 } ] }""");
        try
        {
            Assert.Equal(2, TransducerLayout.Load(path).Count);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
