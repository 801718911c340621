using System.Diagnostics;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Tests.Host;

/// <summary>
/// A host audio thread: one block of 64 frames about every millisecond, alternating a block
/// with events (poly pressure on the held notes and a wave-speed point) and an empty one, each
/// call timed. The first block holds <see cref="HeldPitches"/> (note-ons on channel 1); it and
/// the next <see cref="WarmUpBlocks"/> are not timed (first-call costs on both sides of the ABI:
/// the test host's JIT-compiled callbacks, the plugin's lazy statics).
/// </summary>
internal sealed unsafe class HostAudioThread : IDisposable
{
    public const int BlockSize = 64;
    public const int WarmUpBlocks = 20;
    public static readonly int[] HeldPitches = [60, 64];

    private readonly void* _processor;
    private readonly ProcessCall _noteOns = new(BlockSize, ProcessData.kSample32);
    private readonly ProcessCall _withEvents = new(BlockSize, ProcessData.kSample32);
    private readonly ProcessCall _empty = new(BlockSize, ProcessData.kSample32);
    private readonly Thread _thread;
    private volatile bool _stop;
    private int _failures;

    public HostAudioThread(void* processor, int capacity = 100_000)
    {
        _processor = processor;
        WithEvents = new ProcessTimings(capacity);
        WithoutEvents = new ProcessTimings(capacity);
        for (int i = 0; i < HeldPitches.Length; i++)
        {
            _noteOns.Events.NoteOn(i * 8, 1, HeldPitches[i], 0.8f, noteId: 100 + i);
            _withEvents.Events.PolyPressure(i * 8, 1, HeldPitches[i], 0.6f, noteId: 100 + i);
        }
        _withEvents.Parameters.Add(ParameterIds.WaveSpeed, 16, 0.5);
        _thread = new Thread(Run) { IsBackground = true, Name = "test host audio" };
    }

    public ProcessTimings WithEvents { get; }

    public ProcessTimings WithoutEvents { get; }

    /// <summary>process() calls that did not return kResultOk.</summary>
    public int Failures => Volatile.Read(ref _failures);

    public void Start() => _thread.Start();

    public void Stop()
    {
        _stop = true;
        _thread.Join();
    }

    private void Run()
    {
        Check(_noteOns.Run(_processor, out _));
        for (long block = 0; !_stop; block++)
        {
            ProcessCall call = block % 2 == 0 ? _withEvents : _empty;
            if (block < WarmUpBlocks) Check(call.Run(_processor, out _));
            else Time(call, block % 2 == 0 ? WithEvents : WithoutEvents);
            Thread.Sleep(1);
        }
    }

    private void Time(ProcessCall call, ProcessTimings timings)
    {
        long start = Stopwatch.GetTimestamp();
        int result = call.Run(_processor, out _);
        timings.Add(Stopwatch.GetTimestamp() - start);
        Check(result);
    }

    private void Check(int result)
    {
        if (result != VstResult.kResultOk) Interlocked.Increment(ref _failures);
    }

    public void Dispose()
    {
        if (_thread.IsAlive) Stop();
        _noteOns.Dispose();
        _withEvents.Dispose();
        _empty.Dispose();
    }
}
