using HapticShm.Plugin.Core.Input;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Core.Processing;
using HapticShm.Plugin.Core.Timing;
using HapticShm.Plugin.Tests.Host;

namespace HapticShm.Plugin.Tests.Core;

public sealed class PluginProcessorAllocationTests(ITestOutputHelper output)
{
    [Fact]
    public void Process_TenThousandBlocksWithEvents_AllocateNothing()
    {
        using var ring = new TempRing(capacity: 1 << 16);
        var processor = new PluginProcessor();
        processor.SetSampleRate(48000);
        processor.AttachRing(ring.Ring.Producer);
        RunBlocks(processor, ring, 2_000); // warm up: JIT, tiering, first connect

        long before = GC.GetAllocatedBytesForCurrentThread();
        long start = System.Diagnostics.Stopwatch.GetTimestamp(); // no Stopwatch object: it would count as allocated
        RunBlocks(processor, ring, 10_000);
        TimeSpan elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(start);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"core block with 4 events + 2 parameter points, ring drained: {elapsed.TotalNanoseconds / 10_000:F0} ns per block, {allocated} bytes allocated");

        Assert.Equal(0, allocated);
        Assert.True(processor.SentCommands > 10_000 * 6);
        processor.DetachRing();
    }

    [Fact]
    public void Process_HostBlocksWithContextLoopWrapsAndBounces_AllocateNothing()
    {
        using var ring = new TempRing(capacity: 1 << 16);
        var processor = new PluginProcessor();
        processor.SetSampleRate(48000);
        processor.AttachRing(ring.Ring.Producer);
        long position = 0;
        RunHostBlocks(processor, ring, 4_000, ref position); // warm up, past the clock's first segments

        long before = GC.GetAllocatedBytesForCurrentThread();
        RunHostBlocks(processor, ring, 10_000, ref position);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"host blocks with context (loop wrap every 64 blocks, 1 in 500 offline): {allocated} bytes allocated, {processor.TransportReleases} transport releases, {processor.Clock.Anchors} anchors");

        Assert.Equal(0, allocated);
        Assert.True(processor.TransportReleases > 100);
        processor.DetachRing();
    }

    private static void RunHostBlocks(PluginProcessor processor, TempRing ring, int count, ref long position)
    {
        var block = new HostBlock { NumSamples = 64, SampleRate = 48000, HasContinuousTime = true, HasSystemTime = true, HasTransport = true, IsPlaying = true };
        for (int i = 0; i < count; i++)
        {
            block.NowNs = 1_000_000_000 + position * 20_833 + (i % 7) * 100_000;
            block.SystemTimeNs = position * 20_833;
            block.ContinuousTimeSamples = position;
            block.ProjectTimeSamples = (position % (64 * 64)); // a loop of 64 blocks
            block.Mode = i % 500 == 499 ? HostProcessMode.Offline : HostProcessMode.Realtime;
            processor.BeginBlock(block);
            processor.AddNote(NoteInput.NoteOn(3, i % 16, 36 + i % 48, 0.8, noteId: i));
            processor.AddParameterPoint(ParameterIds.HapticOffset, 10, (i % 5) / 5.0);
            processor.EndBlock();
            position += 64;
            while (ring.Ring.Consumer.TryPop(out _))
            {
            }
        }
    }

    private static void RunBlocks(PluginProcessor processor, TempRing ring, int count)
    {
        for (int i = 0; i < count; i++)
        {
            int pitch = 36 + i % 48;
            processor.BeginBlock();
            processor.AddNote(NoteInput.NoteOn(3, i % 16, pitch, 0.8, noteId: i));
            processor.AddParameterPoint(ParameterIds.Midi(i % 16, MidiControl.PitchBend), 40, (i % 100) / 100.0);
            processor.AddParameterPoint(ParameterIds.WaveSpeed, 10, (i % 7) / 7.0);
            processor.AddNote(NoteInput.PolyPressure(20, i % 16, pitch, 0.5, noteId: i));
            processor.AddNote(NoteInput.NoteExpression(30, i, NoteExpressionKind.Tuning, 0.6));
            processor.AddNote(NoteInput.NoteOff(60, i % 16, pitch, noteId: i));
            processor.EndBlock();
            while (ring.Ring.Consumer.TryPop(out _))
            {
            }
        }
    }
}
