using HapticShm.Plugin.Core.Input;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Core.Processing;
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
