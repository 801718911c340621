using System.Numerics;
using HapticShm.Engine.Audio;
using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Tests;

public sealed class StimulusEngineTests
{
    [Fact]
    public void Render_TwoRunsOfTheSameSession_BitIdenticalAndNotSilent()
    {
        float[][] first = Scenario.Render(64, out StimulusEngine engine);
        float[][] second = Scenario.Render(64, out _);
        Assert.Equal(Hash(first), Hash(second));
        Assert.True(first.Max(c => EngineRig.MaxAbs(c)) > 0.1f);
        Assert.True(engine.Counters.NotesPlayed >= 40);
    }

    [Fact]
    public void Render_FullPolyphonyMovingSources_AllocatesNothing()
    {
        var engine = new StimulusEngine(new EngineOptions());
        var buffer = new PlanarAudioBuffer(engine.ChannelCount, 64);
        long ns = 0;
        engine.Submit(Command.Param(ParamId.AttackSeconds, 0.01f, 0), 0);
        for (int i = 0; i < 8; i++) engine.Submit(Command.NoteOn((byte)i, (byte)(40 + i * 5), 0.3f, 0), 0);   // wave pool
        for (int i = 0; i < 4; i++) engine.Submit(Command.NoteOn((byte)(8 + i), (byte)(45 + i * 7), 0.8f, 0), 0); // standing pool
        long RenderBlocks(int count)
        {
            for (int b = 0; b < count; b++)
            {
                float bend = MathF.Sin(b * 0.01f);
                for (byte ch = 0; ch < 8; ch++) engine.Submit(Command.Mpe(ch, MpeFields.PitchBend | MpeFields.Timbre, 0, bend, 0.5f + 0.5f * bend * (ch % 2 == 0 ? 1 : -1), ns), 0);
                engine.Render(buffer.AsChannelBuffers(64), ns);
                ns += 1_333_333;
            }
            return ns;
        }
        RenderBlocks(1000); // warm up: JIT tiers, first glide
        Assert.Equal(12, engine.ActiveVoices);
        Assert.Equal(0, SteadyAllocation.OnThisThread(() => RenderBlocks(4_000)));
        Assert.Equal(12, engine.ActiveVoices);
        Assert.True(engine.Levels[0] > 0f);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new StimulusEngine(new EngineOptions { SampleRate = 100 }));
        Assert.Throws<ArgumentException>(() => new StimulusEngine(new EngineOptions { WaveVoices = 0 }));
        Assert.Throws<ArgumentException>(() => new StimulusEngine(new EngineOptions { FixedLatencyNs = -1 }));
        Assert.Throws<ArgumentException>(() => new StimulusEngine(new EngineOptions { MaxBlockFrames = 0 }));
    }

    [Fact]
    public void Render_WrongChannelCountOrTooManyFrames_ThrowsArgumentException()
    {
        var engine = new StimulusEngine(new EngineOptions { MaxBlockFrames = 128 });
        var wrong = new PlanarAudioBuffer(31, 64);
        Assert.Throws<ArgumentException>(() => engine.Render(wrong.AsChannelBuffers(64), 0));
        var big = new PlanarAudioBuffer(32, 256);
        Assert.Throws<ArgumentException>(() => engine.Render(big.AsChannelBuffers(256), 0));
        Assert.Throws<ArgumentException>(() => engine.Render(big.AsChannelBuffers(0), 0));
    }

    [Fact]
    public void Constructor_CustomLayout_OneChannelPerTransducer()
    {
        var layout = TransducerLayout.FromArrays(new Vector2[] { new(0, 0), new(1, 0), new(0, 1) }, [1f, 1f, 1f]);
        var engine = new StimulusEngine(new EngineOptions { Layout = layout, SampleRate = 44100 });
        Assert.Equal(3, engine.ChannelCount);
        Assert.Equal(44100, engine.SampleRate);
    }

    private static ulong Hash(float[][] channels)
    {
        ulong hash = 14695981039346656037;
        foreach (float[] channel in channels)
        {
            foreach (float sample in channel)
            {
                hash = (hash ^ BitConverter.SingleToUInt32Bits(sample)) * 1099511628211;
            }
        }
        return hash;
    }
}
