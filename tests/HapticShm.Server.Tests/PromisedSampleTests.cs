using HapticShm.Engine;
using HapticShm.Engine.Audio;
using HapticShm.Jack;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;
using Xunit.Abstractions;

namespace HapticShm.Server.Tests;

/// <summary>
/// What <c>bench latency</c> measures through JACK, proved exactly against a clock the test
/// controls: a client reads the server's published timeline (a frame and its block start), stamps
/// notes for a frame ahead, and pushes them through a real ring; the server drains the ring at the
/// start of each block and renders at the timeline's block starts. The test jitters on purpose
/// when each callback runs (0 to 0.9 of a period late, with stalls of several periods that the
/// backend catches up on), when the client sends, how stale the timeline it read is, and the
/// timestamps' sub-frame part. Whatever the jitter, every note sounds on the sample the timeline
/// promised, and a note stamped too late sounds at the start of the block that drained it and is
/// counted late: these are decided by our code, not by the machine.
/// </summary>
public sealed class PromisedSampleTests(ITestOutputHelper output)
{
    private const int Rate = 48_000;
    private const int Block = 64;
    private const int Blocks = 6 * Rate / Block; // six seconds
    private const long TimelineOriginNs = 7_000_000_123; // any instant: nothing may assume 0
    private const long FirstFrame = 1_000_000; // the device's frame counter at block 0
    private const long NoteSpacingNs = 50_000_000;
    private const long NoteLengthNs = 10_000_000;

    private static readonly long PeriodNs = JackTime.FramesToNs(Block, Rate);
    // As ServerHost computes it: two blocks plus a 1 ms margin.
    private static readonly long FixedLatencyNs = (long)(2 * Block * 1e9 / Rate + 1e6);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void NotesThroughTheRing_OnAJitteredClock_EachSoundOnThePromisedSample_LateOnesAtTheirBlockStartAndCounted(int seed)
    {
        var random = new Random(seed);
        long[] callbackAt = CallbackTimes(random, out int stalls);
        List<Note> notes = NoteSends(random);

        using var dir = new TempRuntimeDirectory();
        using CommandRing ring = CommandRing.Create(dir.File("ring.shm"), 1024, Guid.NewGuid(), Environment.ProcessId);
        var engine = new StimulusEngine(new EngineOptions { SampleRate = Rate, FixedLatencyNs = FixedLatencyNs });
        var buffer = new PlanarAudioBuffer(engine.ChannelCount, Block);
        var heard = new float[Blocks * Block];

        // Standing waves with no attack: a sine from phase 0, silent on its first sample.
        long setupNs = BlockStartNs(0) - FixedLatencyNs;
        Push(ring, Command.Param(ParamId.Routing, (float)StimulusRouting.Standing, setupNs));
        Push(ring, Command.Param(ParamId.AttackSeconds, 0f, setupNs));
        Push(ring, Command.Param(ParamId.ReleaseSeconds, 0.002f, setupNs));

        int next = 0, published = -1;
        for (int k = 0; k < Blocks; k++)
        {
            // The client's sends before this callback runs, each from the timeline published last.
            for (; next < notes.Count && notes[next].SentAtNs < callbackAt[k]; next++)
            {
                if (published < 0) continue;
                Note note = notes[next];
                note.Stamp(FrameOf(published), BlockStartNs(published), drainBlock: k);
                Push(ring, Command.NoteOn(0, 69, 0.8f, note.TimestampNs));
                Push(ring, Command.NoteOff(0, 69, note.TimestampNs + NoteLengthNs));
            }
            // The callback: drain, render at the timeline's block start, publish the timeline.
            while (ring.Consumer.TryPop(out Command command)) Assert.True(engine.Submit(command, 0));
            engine.Render(buffer.AsChannelBuffers(Block), BlockStartNs(k));
            buffer.Channel(0).CopyTo(heard.AsSpan(k * Block));
            published = k;
        }

        int late = notes.Count(n => n.Stamped && n.Late);
        List<Note> sent = notes.FindAll(n => n.Stamped && n.ExpectedFrame + Block < FirstFrame + Blocks * Block);
        output.WriteLine($"seed {seed}: {sent.Count} notes, {late} stamped too late, {stalls} stalls of the callback");
        Assert.True(sent.Count > 100 && late > 5 && late < sent.Count / 2, "the scenario must hold both kinds of note");
        foreach (Note note in sent)
        {
            int at = (int)(note.ExpectedFrame - FirstFrame);
            Assert.True(OnsetAt(heard, at), $"note sent at {note.SentAtNs} ns (late: {note.Late}) expected on frame {note.ExpectedFrame}; first sound near it at frame {FirstFrame + FirstSound(heard, at - 1000)}");
        }
        Assert.Equal(late, engine.Counters.Late);
        Assert.Equal(0, engine.Counters.Rejected);
    }

    // The device's clock: block k is due one period before its start on the timeline and its
    // callback runs 0 to 0.9 of a period after that; now and then the thread stalls for several
    // periods and the backend renders the overdue blocks back to back.
    private static long[] CallbackTimes(Random random, out int stalls)
    {
        var at = new long[Blocks];
        stalls = 0;
        long stalledUntil = 0;
        for (int k = 0; k < Blocks; k++)
        {
            long due = BlockStartNs(k) - PeriodNs;
            if (random.Next(200) == 0)
            {
                stalledUntil = due + random.Next(2, 6) * PeriodNs;
                stalls++;
            }
            at[k] = Math.Max(due + (long)(random.NextDouble() * 0.9 * PeriodNs), stalledUntil);
            if (k > 0) at[k] = Math.Max(at[k], at[k - 1] + 1);
        }
        return at;
    }

    // A note every ~50 ms, sent at a jittered time; one in six stamped already due (a client that
    // stalled past its schedule), the rest 0 to 20 ms ahead (so that notes never overlap).
    private static List<Note> NoteSends(Random random)
    {
        var notes = new List<Note>();
        for (long t = BlockStartNs(10); t < BlockStartNs(Blocks - 1); t += NoteSpacingNs)
        {
            long sentAt = t + random.Next(0, 5_000_000);
            long leadNs = random.Next(6) == 0 ? -(FixedLatencyNs + random.Next(1_000_000, 5_000_000)) : random.Next(0, 20_000_000);
            notes.Add(new Note(sentAt, leadNs, random.Next(0, 6_000)));
        }
        return notes;
    }

    private static long BlockStartNs(int k) => TimelineOriginNs + JackTime.FramesToNs((long)k * Block, Rate);

    private static long FrameOf(int k) => FirstFrame + (long)k * Block;

    private static void Push(CommandRing ring, in Command command) => Assert.True(ring.Producer.TryPush(command));

    // The sine starts at phase 0: silent for 200 frames up to the onset frame, sound on the next.
    private static bool OnsetAt(float[] heard, int at) =>
        at > 200 && heard.AsSpan(at - 200, 201).IndexOfAnyExcept(0f) < 0 && heard[at + 1] != 0f;

    private static int FirstSound(float[] heard, int from)
    {
        int i = heard.AsSpan(Math.Max(0, from)).IndexOfAnyExcept(0f);
        return i < 0 ? -1 : Math.Max(0, from) + i;
    }

    /// <summary>One note as the client sends it and where the timeline it read promises it.</summary>
    private sealed class Note(long sentAtNs, long leadNs, int subFrameNs)
    {
        public long SentAtNs { get; } = sentAtNs;
        public long TimestampNs { get; private set; }
        public long ExpectedFrame { get; private set; }
        public bool Late { get; private set; }
        public bool Stamped { get; private set; }

        /// <summary>Stamps the note for the first frame <c>leadNs</c> after sending, on the timeline
        /// (frame, startNs) the client read, as <c>bench latency</c> does; the promise is that frame
        /// plus the fixed latency, rounded as the engine rounds. A promise before the first frame of
        /// the block that drains it cannot be kept: that block's first frame, counted late.</summary>
        public void Stamp(long timelineFrame, long timelineStartNs, int drainBlock)
        {
            long ahead = (long)Math.Ceiling((SentAtNs + leadNs - timelineStartNs) * (Rate / 1e9));
            TimestampNs = timelineStartNs + JackTime.FramesToNs(ahead, Rate) + subFrameNs;
            long promised = timelineFrame + (long)Math.Floor((TimestampNs + FixedLatencyNs - timelineStartNs) * (Rate / 1e9) + 0.5);
            long drainFrame = FrameOf(drainBlock);
            Late = promised < drainFrame;
            ExpectedFrame = Late ? drainFrame : promised;
            Stamped = true;
        }
    }
}
