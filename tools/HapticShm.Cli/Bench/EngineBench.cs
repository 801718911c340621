using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using HapticShm.Engine;
using HapticShm.Engine.Audio;
using HapticShm.Shared.Protocol;

namespace HapticShm.Cli.Bench;

/// <summary>
/// <c>hapticshm bench engine</c>: the engine (48 kHz) with every voice busy, rendered offline in
/// 64-frame blocks on this thread for the given wall time. Default: the default layout (32
/// channels), 8 travelling waves whose sources keep moving and 4 standing waves; any other
/// transducer count uses a grid of 8 columns at 5 cm, and phantom voices (moving too) can be added.
/// </summary>
internal static class EngineBench
{
    /// <summary>What to render: transducers and voices of each kind, all sounding.</summary>
    public sealed record Setup(int Transducers = 32, int WaveVoices = 8, int StandingVoices = 4, int PhantomVoices = 0, int LowestNote = 30);

    /// <summary>The default layout for 32, else <paramref name="transducers"/> on a grid of 8 columns at 5 cm (the last row may be partial).</summary>
    public static TransducerLayout GridLayout(int transducers)
    {
        if (transducers == 32) return TransducerLayout.Default;
        var positions = new Vector2[transducers];
        for (int i = 0; i < transducers; i++) positions[i] = new Vector2(i % 8 * 0.05f, i / 8 * 0.05f);
        return TransducerLayout.FromArrays(positions, Enumerable.Repeat(1f, transducers).ToArray());
    }

    private const int Block = 64;
    private const double WarmUpSeconds = 1.0; // long enough for tiered JIT to reach its optimised code

    public static int Run(double seconds, bool json, Setup setup)
    {
        if (seconds <= 0) return Fail("--seconds must be positive");
        if (setup.Transducers is < 1 or > TransducerLayout.MaxCount) return Fail($"--transducers takes 1..{TransducerLayout.MaxCount}");
        if (setup.WaveVoices is < 0 or > 64 || setup.StandingVoices is < 0 or > 64 || setup.PhantomVoices is < 0 or > 64) return Fail("voices take 0..64 of each kind");
        if (setup.WaveVoices + setup.StandingVoices + setup.PhantomVoices == 0) return Fail("no voice to render");
        var engine = new StimulusEngine(new EngineOptions
        {
            Layout = GridLayout(setup.Transducers),
            WaveVoices = Math.Max(1, setup.WaveVoices),
            StandingVoices = Math.Max(1, setup.StandingVoices),
            PhantomVoices = Math.Max(1, setup.PhantomVoices),
        });
        var buffer = new PlanarAudioBuffer(engine.ChannelCount, Block);
        var session = new Session(engine, setup);
        session.Start();
        long warmUpEnd = Stopwatch.GetTimestamp() + (long)(WarmUpSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < warmUpEnd) session.RenderBlocks(buffer, 64);

        using var self = Process.GetCurrentProcess();
        TimeSpan cpuBefore = self.TotalProcessorTime;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long frames = 0;
        long deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        long started = Stopwatch.GetTimestamp(), now;
        do
        {
            session.RenderBlocks(buffer, 64);
            frames += 64 * Block;
            now = Stopwatch.GetTimestamp();
        }
        while (now < deadline);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        double wall = (now - started) / (double)Stopwatch.Frequency;
        self.Refresh();
        double cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;

        var result = new EngineBenchResult(
            RealtimeFactor: Math.Round(frames / (double)engine.SampleRate / wall, 1),
            NsPerFrame: Math.Round(wall * 1e9 / frames, 1),
            CpuRealtimeFactor: Math.Round(frames / (double)engine.SampleRate / cpu, 1),
            CpuNsPerFrame: Math.Round(cpu * 1e9 / frames, 1),
            AllocatedBytes: allocated,
            Seconds: Math.Round(wall, 3),
            Frames: frames,
            Channels: engine.ChannelCount,
            SampleRate: engine.SampleRate,
            BlockFrames: Block,
            ActiveVoices: engine.ActiveVoices,
            WaveVoices: setup.WaveVoices,
            StandingVoices: setup.StandingVoices,
            PhantomVoices: setup.PhantomVoices,
            LowestNote: setup.LowestNote);
        Print(result, json);
        return 0;
    }

    private static void Print(EngineBenchResult result, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(result, CliJsonContext.Default.EngineBenchResult));
            return;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine, {result.ActiveVoices} voices ({result.WaveVoices} wave + {result.StandingVoices} standing + {result.PhantomVoices} phantom), {result.Channels} ch, {result.SampleRate} Hz, block {result.BlockFrames}, {result.Seconds:F1} s: {result.RealtimeFactor:F1}x real time, {result.NsPerFrame:F1} ns per frame"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cpu time: {result.CpuRealtimeFactor:F1}x real time, {result.CpuNsPerFrame:F1} ns per frame (this process's processor time; differs from wall time when the cores are shared)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated during the timed loop: {result.AllocatedBytes} bytes"));
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"hapticshm bench engine: {message}");
        return 1;
    }

    /// <summary>Holds the wave, standing and phantom notes of the setup (one pool at a time through
    /// the routing parameter, channels 1..16 in turn) and moves every channel's sources along its
    /// own slow Lissajous path with an MPE command per block. The path's sines are phasors turned
    /// once per block, so the host side costs next to nothing.</summary>
    private sealed class Session(StimulusEngine engine, Setup setup)
    {
        private const int Channels = 16;
        private readonly Phasor[] _bend = CreatePhasors(engine.SampleRate, 0.5, 0.1);
        private readonly Phasor[] _timbre = CreatePhasors(engine.SampleRate, 0.3, 0.07);
        private readonly bool[] _moves = new bool[Channels]; // channels holding a wave or phantom voice
        private long _ns = 1_000_000_000;
        private int _next;

        public void Start()
        {
            Play(StimulusRouting.Wave, setup.WaveVoices, 0.3f);
            Play(StimulusRouting.Standing, setup.StandingVoices, 0.8f);
            Play(StimulusRouting.Phantom, setup.PhantomVoices, 0.6f);
        }

        private void Play(StimulusRouting routing, int count, float velocity)
        {
            Submit(Command.Param(ParamId.Routing, (float)routing, _ns));
            for (int i = 0; i < count; i++, _next++)
            {
                Submit(Command.NoteOn((byte)(_next % Channels), (byte)Math.Min(127, setup.LowestNote + _next % 60), velocity, _ns));
                _moves[_next % Channels] |= routing != StimulusRouting.Standing;
            }
        }

        public void RenderBlocks(PlanarAudioBuffer buffer, int count)
        {
            for (int b = 0; b < count; b++)
            {
                for (int v = 0; v < Channels; v++)
                {
                    if (!_moves[v]) continue;
                    float bend = (float)_bend[v].Sin, timbre = 0.5f + 0.5f * (float)_timbre[v].Cos;
                    Submit(Command.Mpe((byte)v, MpeFields.PitchBend | MpeFields.Timbre, 0, bend, timbre, _ns));
                    _bend[v].Turn();
                    _timbre[v].Turn();
                }
                engine.Render(buffer.AsChannelBuffers(Block), _ns);
                _ns += (long)(Block * 1e9 / engine.SampleRate);
            }
        }

        private void Submit(in Command command)
        {
            if (!engine.Submit(command, 0)) throw new InvalidOperationException($"the engine refused a {command.Kind} command");
        }

        // Channel v's path runs at baseHz + v * stepHz.
        private static Phasor[] CreatePhasors(int sampleRate, double baseHz, double stepHz) =>
            Enumerable.Range(0, Channels).Select(v => new Phasor(2 * Math.PI * (baseHz + stepHz * v) * Block / sampleRate)).ToArray();
    }

    /// <summary>cos and sin of a phase that advances by a fixed step per <see cref="Turn"/>.</summary>
    private struct Phasor(double step)
    {
        private readonly double _stepCos = Math.Cos(step), _stepSin = Math.Sin(step);

        public double Cos { get; private set; } = 1;
        public double Sin { get; private set; }

        public void Turn() => (Cos, Sin) = (Cos * _stepCos - Sin * _stepSin, Sin * _stepCos + Cos * _stepSin);
    }
}
