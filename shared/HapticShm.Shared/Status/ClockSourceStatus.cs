using System.Globalization;

namespace HapticShm.Shared.Status;

/// <summary>
/// Which clock a client stamps its commands with and, when it refused the host's, why. Packed
/// into one 64-bit word (<see cref="Pack"/>) so the client's audio thread publishes it with one
/// store and a reader never sees half of one report.
/// </summary>
/// <param name="Source">The clock in use.</param>
/// <param name="Fault">Why the host's clock was rejected (with <see cref="ClockSource.HostClockRejected"/>).</param>
/// <param name="Value">The fault's measure: a rate for <see cref="HostClockFault.WrongRate"/>, ms otherwise;
/// with <see cref="ClockSource.ServerCycles"/> the promised latency in samples.</param>
public readonly record struct ClockSourceStatus(ClockSource Source, HostClockFault Fault = HostClockFault.None, float Value = 0)
{
    /// <summary>The report as one word: source, fault, then the value's bits in the upper half.</summary>
    public long Pack() => (byte)Source | (long)(byte)Fault << 8 | (long)BitConverter.SingleToUInt32Bits(Value) << 32;

    /// <summary>The report <see cref="Pack"/> made.</summary>
    public static ClockSourceStatus Unpack(long packed) =>
        new((ClockSource)(byte)packed, (HostClockFault)(byte)(packed >> 8), BitConverter.UInt32BitsToSingle((uint)(packed >> 32)));

    /// <summary>Writes the one-line description ("host clock", "own fit (host clock rejected: runs at
    /// 0.001x)") into <paramref name="destination"/> without allocating; returns the characters
    /// written (0 when it does not fit; 64 always do).</summary>
    public int Format(Span<char> destination)
    {
        var c = CultureInfo.InvariantCulture;
        int n;
        bool written = Source switch
        {
            ClockSource.OwnFit => destination.TryWrite(c, $"own fit (host gives no clock)", out n),
            ClockSource.Checking => destination.TryWrite(c, $"own fit (checking the host clock)", out n),
            ClockSource.HostClock => destination.TryWrite(c, $"host clock", out n),
            ClockSource.ServerCycles => destination.TryWrite(c, $"server's JACK cycles (exact, {Value:0} samples to the transducer)", out n),
            // One significant digit far from 1 (0.001x for microseconds), so a repeated verdict reads the same.
            ClockSource.HostClockRejected when Fault == HostClockFault.WrongRate && Value < 0.01f =>
                destination.TryWrite(c, $"own fit (host clock rejected: runs at {Value:G1}x)", out n),
            ClockSource.HostClockRejected when Fault == HostClockFault.WrongRate =>
                destination.TryWrite(c, $"own fit (host clock rejected: runs at {Value:0.###}x)", out n),
            ClockSource.HostClockRejected when Fault == HostClockFault.RunsBackwards =>
                destination.TryWrite(c, $"own fit (host clock rejected: ran back {-Value:0.###} ms)", out n),
            ClockSource.HostClockRejected when Fault == HostClockFault.StandsStill =>
                destination.TryWrite(c, $"own fit (host clock rejected: stands still)", out n),
            ClockSource.HostClockRejected when Fault == HostClockFault.Jumped =>
                destination.TryWrite(c, $"own fit (host clock rejected: jumped {Value:+0.###;-0.###} ms)", out n),
            ClockSource.HostClockRejected => destination.TryWrite(c, $"own fit (host clock rejected)", out n),
            _ => destination.TryWrite(c, $"not reported", out n),
        };
        return written ? n : 0;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        Span<char> text = stackalloc char[96];
        return new string(text[..Format(text)]);
    }
}
