using HapticShm.Shared;

namespace HapticShm.Jack;

/// <summary>
/// JACK time (µs) and the protocol's clock (<see cref="MonotonicClock"/>, CLOCK_MONOTONIC in ns).
/// </summary>
/// <remarks>
/// jack2's source reads CLOCK_MONOTONIC (linux/JackLinuxTime.c), but the jack2 1.9.21 build
/// installed here calls clock_gettime(CLOCK_MONOTONIC_RAW) (clock id 4 in libjack.so.0's
/// disassembly); measured, JACK time ran 310 ms behind MonotonicClock. RAW is not slewed by NTP,
/// so the offset also drifts by a few ppm. Conversions therefore measure the offset each time
/// (MonotonicClock read, jack_get_time, MonotonicClock read: three vDSO reads, no syscall,
/// real-time safe) and are right to about 1 µs whatever clock libjack uses.
/// libjack installs its clock on the first jack_client_open: calling jack_get_time before that
/// crashes, so every member here throws until a <see cref="JackClient"/> has been opened.
/// </remarks>
public static class JackTime
{
    private static volatile bool _clockReady;

    /// <summary>Converts a JACK time (µs) to <see cref="MonotonicClock"/> ns, with the offset measured now.</summary>
    public static long UsecsToMonotonicNs(ulong usecs) => (long)usecs * 1000 + MonotonicMinusJackNs();

    /// <summary>Now according to libjack (jack_get_time), in <see cref="MonotonicClock"/> ns.</summary>
    public static long NowMonotonicNs() => UsecsToMonotonicNs(JackNowUsecs());

    /// <summary>jack_get_time(): JACK's own clock in µs.</summary>
    public static ulong JackNowUsecs()
    {
        EnsureClockReady();
        return Interop.Jack.jack_get_time();
    }

    /// <summary>MonotonicClock minus JACK time, in ns, measured now (±1 µs: JACK time is whole µs).
    /// Of up to three tries it keeps the one with the narrowest bracket, so a preemption between
    /// the reads cannot skew it.</summary>
    public static long MonotonicMinusJackNs()
    {
        EnsureClockReady();
        long best = 0, bestWindow = long.MaxValue;
        for (int attempt = 0; attempt < 3 && bestWindow > 2_000; attempt++)
        {
            long before = MonotonicClock.NowNs();
            ulong jackUsecs = Interop.Jack.jack_get_time();
            long after = MonotonicClock.NowNs();
            if (after - before >= bestWindow) continue;
            bestWindow = after - before;
            // jack_get_time truncates to the µs: the true instant is on average 500 ns later.
            best = before + bestWindow / 2 - ((long)jackUsecs * 1000 + 500);
        }
        return best;
    }

    /// <summary>Duration of <paramref name="frames"/> frames at <paramref name="sampleRate"/> in ns
    /// (<see cref="MonotonicClock.FramesToNs"/>).</summary>
    public static long FramesToNs(long frames, int sampleRate) => MonotonicClock.FramesToNs(frames, sampleRate);

    internal static void MarkClockReady() => _clockReady = true;

    private static void EnsureClockReady()
    {
        if (!_clockReady) throw new InvalidOperationException("libjack's clock is set up by the first jack_client_open: open a JackClient first");
    }
}
