using HapticShm.Plugin.Core.Connection;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Status;
using static HapticShm.Plugin.Tests.Host.Interop.Vst;
using Libc = HapticShm.Plugin.Tests.Host.Interop.Libc;

namespace HapticShm.Plugin.Tests.Native;

/// <summary>The published library with a ProcessContext: what it asks the host for, loop wraps,
/// offline mode and the haptic offset, through process() as a host calls it.</summary>
[Collection(NativeHostCollection.Name)]
public sealed unsafe class PluginTimingTests(NativeModule module, ITestOutputHelper output) : IDisposable
{
    private const double SampleRate = 48000;
    private const int BlockSize = 256;
    private readonly TempRing _ring = new();

    private PluginInstance StartPlugin()
    {
        _ring.OfferToPlugin();
        var plugin = new PluginInstance(module);
        plugin.Setup(SampleRate, BlockSize, ProcessData.kSample32);
        plugin.Start();
        return plugin;
    }

    private static ProcessContext Context(long continuous, long projectTime, bool playing) => new()
    {
        state = ProcessContext.kContTimeValid | (playing ? ProcessContext.kPlaying : 0),
        sampleRate = SampleRate,
        continousTimeSamples = continuous,
        projectTimeSamples = projectTime,
        tempo = 120,
    };

    [Fact]
    public void ProcessContextRequirements_AsksForSystemTimeContinuousTimeAndTransport()
    {
        using var plugin = new PluginInstance(module);
        void* requirements = Query(plugin.Component, Iids.IProcessContextRequirements);
        uint flags = V<IProcessContextRequirementsVtbl>(requirements)->getProcessContextRequirements(requirements);
        Release(requirements);
        Assert.Equal((1u << 0) | (1u << 1) | (1u << 10), flags); // kNeedSystemTime | kNeedContinousTimeSamples | kNeedTransportState
    }

    [Fact]
    public void Controller_ListsHapticOffsetInMilliseconds()
    {
        using var plugin = new PluginInstance(module);
        var controller = V<IEditControllerVtbl>(plugin.Controller);
        int count = controller->getParameterCount(plugin.Controller);
        ParameterInfo info = default;
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(VstResult.kResultOk, controller->getParameterInfo(plugin.Controller, i, &info));
            if (info.id == ParameterIds.HapticOffset) break;
        }
        Assert.Equal(ParameterIds.HapticOffset, info.id);
        Assert.Equal("Haptic offset", FixedStrings.ReadUtf16(info.title, 128));
        Assert.Equal("ms", FixedStrings.ReadUtf16(info.units, 128));
        Assert.Equal(50.0 / 550.0, info.defaultNormalizedValue, 12); // 0 ms on -50..+500
        Assert.NotEqual(0, info.flags & ParameterInfo.kCanAutomate);

        char* text = stackalloc char[128];
        double normalized = (120.0 + 50.0) / 550.0;
        Assert.Equal(VstResult.kResultOk, controller->getParamStringByValue(plugin.Controller, ParameterIds.HapticOffset, normalized, text));
        Assert.Equal("120 ms", FixedStrings.ReadUtf16(text, 128));
        Assert.Equal(120.0, controller->normalizedParamToPlain(plugin.Controller, ParameterIds.HapticOffset, normalized), 9);
    }

    [Fact]
    public void LoopWrap_ReleasesTheNoteCutByTheLoopEnd()
    {
        using PluginInstance plugin = StartPlugin();
        using var call = new ProcessCall(BlockSize, ProcessData.kSample32) { WithContext = true };
        call.Context = Context(0, 4 * BlockSize, playing: true);
        call.Events.NoteOn(100, 0, 60, 0.8f, noteId: 1);
        Assert.Equal(VstResult.kResultOk, call.Run(plugin.Processor, out _));
        using var empty = new ProcessCall(BlockSize, ProcessData.kSample32) { WithContext = true, Context = Context(BlockSize, 5 * BlockSize, playing: true) };
        Assert.Equal(VstResult.kResultOk, empty.Run(plugin.Processor, out _));
        using var wrapped = new ProcessCall(BlockSize, ProcessData.kSample32) { WithContext = true, Context = Context(2 * BlockSize, 0, playing: true) };
        wrapped.Events.NoteOn(0, 0, 62, 0.8f, noteId: 2);
        Assert.Equal(VstResult.kResultOk, wrapped.Run(plugin.Processor, out _));
        plugin.Stop();

        Command[] notes = [.. _ring.Drain().Where(c => c.Kind is CommandKind.NoteOn or CommandKind.NoteOff)];
        Assert.Equal([(CommandKind.NoteOn, 1), (CommandKind.NoteOff, 1), (CommandKind.NoteOn, 2)], notes.Select(c => (c.Kind, c.NoteId)));
    }

    [Fact]
    public void Offline_NotesReachNoRing()
    {
        using PluginInstance plugin = StartPlugin();
        using var call = new ProcessCall(BlockSize, ProcessData.kSample32) { ProcessMode = 2, WithContext = true, Context = Context(0, 0, playing: true) };
        call.Events.NoteOn(10, 0, 60, 0.8f, noteId: 1);
        call.Events.NoteOff(200, 0, 60, noteId: 1);
        for (int i = 0; i < 100; i++)
        {
            call.Context.continousTimeSamples = call.Context.projectTimeSamples = i * BlockSize;
            Assert.Equal(VstResult.kResultOk, call.Run(plugin.Processor, out _));
        }
        plugin.Stop();

        List<Command> commands = _ring.Drain();
        Assert.DoesNotContain(commands, c => c.Kind is CommandKind.NoteOn or CommandKind.NoteOff or CommandKind.Mpe);
    }

    [Fact]
    public void HapticOffset_DelaysTheNextNotes()
    {
        using PluginInstance plugin = StartPlugin();
        using var first = new ProcessCall(BlockSize, ProcessData.kSample32) { WithContext = true, Context = Context(0, 0, playing: false) };
        first.Events.NoteOn(0, 0, 60, 0.8f, noteId: 1);
        Assert.Equal(VstResult.kResultOk, first.Run(plugin.Processor, out _));
        using var second = new ProcessCall(BlockSize, ProcessData.kSample32) { WithContext = true, Context = Context(BlockSize, 0, playing: false) };
        second.Parameters.Add(ParameterIds.HapticOffset, 0, PluginParameters.All[PluginParameters.IndexOf(ParameterIds.HapticOffset)].ToNormalized(500));
        second.Events.NoteOff(0, 0, 60, noteId: 1);
        Assert.Equal(VstResult.kResultOk, second.Run(plugin.Processor, out _));
        plugin.Stop();

        Command[] notes = [.. _ring.Drain().Where(c => c.Kind is CommandKind.NoteOn or CommandKind.NoteOff)];
        Assert.Equal(2, notes.Length);
        double gapMs = (notes[1].TimestampNs - notes[0].TimestampNs) / 1e6;
        output.WriteLine($"note-off one block after the note-on, haptic offset 0 -> 500 ms: stamps {gapMs:F3} ms apart");
        // One block (5.33 ms) plus 500 ms, and whatever the host's clock did between the calls.
        Assert.InRange(gapMs, 505.3, 600);
    }

    /// <summary>Blocks called as a host's audio thread would (each 0-2 ms after it is due, plus
    /// the scheduler's delay), a note-on at offset 0 of each; <paramref name="systemTime"/> gives
    /// the context's system time of a block from when it was due. Returns the note-ons' stamps.</summary>
    private (long[] Due, long[] NoteOns, long LateMax) RunWithSystemTime(int blocks, Func<long, long> systemTime)
    {
        using PluginInstance plugin = StartPlugin();
        using var call = new ProcessCall(BlockSize, ProcessData.kSample32) { WithContext = true };
        call.Events.NoteOn(0, 0, 60, 0.8f, noteId: -1);
        call.Events.NoteOff(BlockSize - 1, 0, 60, noteId: -1);
        double blockNs = BlockSize * 1e9 / SampleRate;
        var random = new Random(3);
        var due = new long[blocks];
        long lateMax = 0;
        long t0 = HapticShm.Shared.MonotonicClock.NowNs() + 20_000_000;
        for (int i = 0; i < blocks; i++)
        {
            due[i] = t0 + (long)Math.Round(i * blockNs);
            long callAt = due[i] + random.Next(0, 2_000_000);
            while (HapticShm.Shared.MonotonicClock.NowNs() < callAt) Thread.Sleep(TimeSpan.FromTicks(Math.Max(1, (callAt - HapticShm.Shared.MonotonicClock.NowNs()) / 100)));
            call.Context = Context(i * BlockSize, i * BlockSize, playing: true);
            call.Context.state |= ProcessContext.kSystemTimeValid;
            call.Context.systemTime = systemTime(due[i]);
            lateMax = Math.Max(lateMax, HapticShm.Shared.MonotonicClock.NowNs() - due[i]);
            Assert.Equal(VstResult.kResultOk, call.Run(plugin.Processor, out _));
        }
        plugin.Stop();
        long[] noteOns = [.. _ring.Drain().Where(c => c.Kind == CommandKind.NoteOn).Select(c => c.TimestampNs)];
        Assert.Equal(blocks, noteOns.Length);
        return (due, noteOns, lateMax);
    }

    private ClockSourceStatus PublishedClock => ClockSourceStatus.Unpack(_ring.Ring.ReadCounters().ProducerClock);

    [Fact]
    public void HostSystemTime_CallsJitteredByTheScheduler_StampsStayOnTheHostsLine()
    {
        // The host stamps each block on the monotonic clock at its exact period: once its clock has
        // passed a check window (1 s), the note at offset 0 of every block must sit on one line.
        const int blocks = 400, checkedFrom = 220; // 1.17 s: past the window and the block that ends it
        (long[] due, long[] noteOns, long lateMax) = RunWithSystemTime(blocks, dueNs => dueNs);

        Assert.Equal(new ClockSourceStatus(ClockSource.HostClock), PublishedClock);
        long offset = noteOns[checkedFrom] - due[checkedFrom];
        long worst = 0;
        for (int i = checkedFrom; i < blocks; i++) worst = Math.Max(worst, Math.Abs(noteOns[i] - due[i] - offset));
        output.WriteLine($"{blocks} blocks of {BlockSize}, called up to {lateMax / 1000.0:F0} us after their system time; from block {checkedFrom} " +
                         $"note stamps = system time + {offset / 1000.0:F1} us, max deviation {worst} ns; clock: {PublishedClock}");
        Assert.InRange(offset, 0, lateMax);
        Assert.True(worst <= 2, $"stamps {worst} ns off the host's line");
    }

    [Fact]
    public void ArdourMicrosecondSystemTime_IsRejected_AndTheStampsFollowOurClock()
    {
        // Ardour 7.3: systemTime is g_get_monotonic_time(), microseconds, flagged valid. Trusted,
        // it makes time stand still; checked, the plugin stamps with its own fit of the calls.
        const int blocks = 200;
        (long[] due, long[] noteOns, long lateMax) = RunWithSystemTime(blocks, dueNs => dueNs / 1000);

        ClockSourceStatus clock = PublishedClock;
        Assert.Equal(ClockSource.HostClockRejected, clock.Source);
        Assert.Equal("own fit (host clock rejected: runs at 0.001x)", clock.ToString());
        long lead = long.MaxValue, lag = long.MinValue;
        for (int i = 0; i < blocks; i++)
        {
            lead = Math.Min(lead, noteOns[i] - due[i]);
            lag = Math.Max(lag, noteOns[i] - due[i]);
        }
        long span = noteOns[^1] - noteOns[0], realSpan = due[^1] - due[0];
        output.WriteLine($"{blocks} blocks with Ardour's microsecond system time: note stamps - due {lead / 1000.0:F0}..{lag / 1000.0:F0} us " +
                         $"(calls up to {lateMax / 1000.0:F0} us late), stamps span {span / 1e6:F1} ms of {realSpan / 1e6:F1} ms; clock: {clock}");
        // Never before the block was due, never later than its call (the own fit follows the
        // latest calls), and as far apart as the blocks were in real time.
        Assert.InRange(lead, 0, lateMax);
        Assert.InRange(lag, 0, lateMax + 1_000_000); // the plugin reads the clock a little after the test does
        Assert.InRange(span, realSpan - lateMax, realSpan + lateMax);
    }

    public void Dispose()
    {
        Libc.unsetenv(RingConnection.RingOverrideVariable);
        _ring.Dispose();
    }
}
