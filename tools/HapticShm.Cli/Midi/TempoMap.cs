namespace HapticShm.Cli.Midi;

/// <summary>Converts absolute ticks to seconds. With a ticks-per-quarter division, tempo changes
/// from every track apply to all tracks (the SMF format 1 rule) and the tempo before the first
/// change is 120 bpm; with an SMPTE division, ticks are a fixed fraction of a second.</summary>
public sealed class TempoMap
{
    /// <summary>Tempo before any tempo event: 500 000 us per quarter = 120 bpm.</summary>
    public const int DefaultMicrosecondsPerQuarter = 500_000;

    private readonly long[] _ticks;
    private readonly double[] _seconds;
    private readonly double[] _secondsPerTick;

    private TempoMap(long[] ticks, double[] seconds, double[] secondsPerTick)
    {
        _ticks = ticks;
        _seconds = seconds;
        _secondsPerTick = secondsPerTick;
    }

    /// <summary>Number of tempo segments (1 + distinct tempo changes after tick 0).</summary>
    public int SegmentCount => _ticks.Length;

    /// <summary>A map of <paramref name="ticksPerQuarter"/> with the given tempo changes (any order).</summary>
    internal static TempoMap ForTicksPerQuarter(int ticksPerQuarter, IEnumerable<SmfTempoChange> changes)
    {
        var ticks = new List<long> { 0 };
        var secondsPerTick = new List<double> { DefaultMicrosecondsPerQuarter * 1e-6 / ticksPerQuarter };
        // Stable by tick, then track: two changes at the same tick keep the later track's value.
        foreach (var change in changes.OrderBy(c => c.Tick).ThenBy(c => c.Track))
        {
            double value = change.MicrosecondsPerQuarter * 1e-6 / ticksPerQuarter;
            if (change.Tick == ticks[^1]) secondsPerTick[^1] = value;
            else
            {
                ticks.Add(change.Tick);
                secondsPerTick.Add(value);
            }
        }
        var seconds = new double[ticks.Count];
        for (int i = 1; i < ticks.Count; i++)
            seconds[i] = seconds[i - 1] + (ticks[i] - ticks[i - 1]) * secondsPerTick[i - 1];
        return new TempoMap([.. ticks], seconds, [.. secondsPerTick]);
    }

    /// <summary>A map for an SMPTE division: <paramref name="framesPerSecond"/> (29.97 for drop
    /// frame) times <paramref name="ticksPerFrame"/> ticks per second; tempo events do not apply.</summary>
    internal static TempoMap ForSmpte(double framesPerSecond, int ticksPerFrame) =>
        new([0], [0.0], [1.0 / (framesPerSecond * ticksPerFrame)]);

    /// <summary>Seconds from the start of the file to <paramref name="tick"/>.</summary>
    public double ToSeconds(long tick)
    {
        int index = Array.BinarySearch(_ticks, tick);
        if (index < 0) index = ~index - 1;
        return _seconds[index] + (tick - _ticks[index]) * _secondsPerTick[index];
    }
}
