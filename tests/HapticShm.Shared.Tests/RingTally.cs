using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;

namespace HapticShm.Shared.Tests;

/// <summary>What a consumer saw: sequence numbers must increase; gaps must equal counted drops.</summary>
internal sealed class RingTally
{
    public long Received { get; private set; }
    public long Gaps { get; private set; }
    public long OutOfOrder { get; private set; }
    public long LastSequence { get; private set; } = -1;
    public long Invalid { get; private set; }

    /// <summary>Pops until <paramref name="producerDone"/> says so and the ring is empty.</summary>
    public static RingTally Drain(RingConsumer consumer, Func<bool> producerDone)
    {
        var tally = new RingTally();
        bool done = false;
        while (true)
        {
            if (consumer.TryPop(out Command command))
            {
                tally.Observe(command);
                continue;
            }
            if (done) return tally;
            done = producerDone();
            if (!done) Thread.SpinWait(8);
        }
    }

    private void Observe(in Command command)
    {
        if (!CommandValidator.IsValid(command)) Invalid++;
        if (command.Sequence <= LastSequence) OutOfOrder++;
        else Gaps += command.Sequence - LastSequence - 1;
        LastSequence = command.Sequence;
        Received++;
    }

    public void AssertExactlyAccountedFor(RingCounters counters, long attempts)
    {
        Assert.Equal(0, Invalid);
        Assert.Equal(0, OutOfOrder);
        Assert.Equal(counters.Pushed, Received);
        Assert.Equal(counters.Popped, Received);
        // Drops after the last received command do not show up as gaps; count them too.
        long trailing = attempts - 1 - LastSequence;
        Assert.Equal(counters.DroppedFull, Gaps + trailing);
        Assert.Equal(0, counters.RejectedInvalid);
    }
}
