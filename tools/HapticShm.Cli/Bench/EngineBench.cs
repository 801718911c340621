using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HapticShm.Engine;
using HapticShm.Engine.Audio;
using HapticShm.Shared.Protocol;

namespace HapticShm.Cli.Bench;

/// <summary>
/// <c>hapticshm bench engine</c>: the default engine (32 channels, 48 kHz) with every voice busy
/// (8 travelling waves whose sources keep moving, 4 standing waves), rendered offline in 64-frame
/// blocks on this thread for the given wall time.
/// </summary>
internal static class EngineBench
{
    private const int Block = 64;
    private const double WarmUpSeconds = 1.0; // long enough for tiered JIT to reach its optimised code

    public static int Run(double seconds, bool json)
    {
        if (seconds <= 0) return Fail("--seconds must be positive");
        var engine = new StimulusEngine(new EngineOptions());
        var buffer = new PlanarAudioBuffer(engine.ChannelCount, Block);
        var session = new Session(engine);
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
            ActiveVoices: engine.ActiveVoices);
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
            $"engine, {result.ActiveVoices} voices, {result.Channels} ch, {result.SampleRate} Hz, block {result.BlockFrames}, {result.Seconds:F1} s: {result.RealtimeFactor:F1}x real time, {result.NsPerFrame:F1} ns per frame"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cpu time: {result.CpuRealtimeFactor:F1}x real time, {result.CpuNsPerFrame:F1} ns per frame (this process's processor time; differs from wall time when the cores are shared)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated during the timed loop: {result.AllocatedBytes} bytes"));
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"hapticshm bench engine: {message}");
        return 1;
    }

    /// <summary>Holds 8 wave notes (velocity below 64/127) and 4 standing notes, and moves each
    /// wave source along its own slow Lissajous path with an MPE command per block. The path's
    /// sines are phasors turned once per block, so the host side costs next to nothing.</summary>
    private sealed class Session(StimulusEngine engine)
    {
        private const int WaveNotes = 8;
        private readonly Phasor[] _bend = CreatePhasors(engine.SampleRate, 0.5, 0.1);
        private readonly Phasor[] _timbre = CreatePhasors(engine.SampleRate, 0.3, 0.07);
        private long _ns = 1_000_000_000;

        public void Start()
        {
            for (int i = 0; i < WaveNotes; i++) Submit(Command.NoteOn((byte)i, (byte)(36 + i * 5), 0.3f, _ns));
            for (int i = 0; i < 4; i++) Submit(Command.NoteOn((byte)(8 + i), (byte)(40 + i * 7), 0.8f, _ns));
        }

        public void RenderBlocks(PlanarAudioBuffer buffer, int count)
        {
            for (int b = 0; b < count; b++)
            {
                for (int v = 0; v < WaveNotes; v++)
                {
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

        // Voice v's path runs at baseHz + v * stepHz.
        private static Phasor[] CreatePhasors(int sampleRate, double baseHz, double stepHz) =>
            Enumerable.Range(0, WaveNotes).Select(v => new Phasor(2 * Math.PI * (baseHz + stepHz * v) * Block / sampleRate)).ToArray();
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
