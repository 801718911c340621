using System.Runtime.InteropServices;
using System.Text;

namespace HapticShm.Shared.Status;

/// <summary>One client's entry in the <see cref="StatusBlock"/>: who it is and its ring's health.</summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public unsafe struct ClientStatus
{
    /// <summary>Bytes per entry.</summary>
    public const int Size = 256;
    /// <summary>Bytes for the name (UTF-8, zero-padded).</summary>
    public const int NameBytes = 64;

    /// <summary>1 while a client occupies this slot.</summary>
    [FieldOffset(0)] public int Active;
    /// <summary>Client process id.</summary>
    [FieldOffset(4)] public int Pid;
    /// <summary>Ring capacity in slots.</summary>
    [FieldOffset(8)] public int Capacity;
    /// <summary>Voices of this client sounding now.</summary>
    [FieldOffset(12)] public int ActiveVoices;
    /// <summary>Client name from its hello.</summary>
    [FieldOffset(16)] public fixed byte Name[NameBytes];
    /// <summary>Ring counter: pushed.</summary>
    [FieldOffset(80)] public long Pushed;
    /// <summary>Ring counter: dropped because full.</summary>
    [FieldOffset(88)] public long DroppedFull;
    /// <summary>Ring counter: popped.</summary>
    [FieldOffset(96)] public long Popped;
    /// <summary>Ring counter: rejected as invalid.</summary>
    [FieldOffset(104)] public long Rejected;
    /// <summary>Ring counter: late.</summary>
    [FieldOffset(112)] public long Late;
    /// <summary>Commands waiting in the ring.</summary>
    [FieldOffset(120)] public long Fill;
    /// <summary>Age of the client's heartbeat, ns.</summary>
    [FieldOffset(128)] public long HeartbeatAgeNs;
    /// <summary>When the client connected, <see cref="MonotonicClock"/> ns.</summary>
    [FieldOffset(136)] public long ConnectedNs;
    /// <summary>Times the watchdog faded this client's voices (stalled heartbeat).</summary>
    [FieldOffset(144)] public long StallFades;
    /// <summary>Which clock the client stamps with: a packed <see cref="ClockSourceStatus"/> (<see cref="ClockSourceStatus.Unpack"/>).</summary>
    [FieldOffset(152)] public long Clock;

    /// <summary>The name as text.</summary>
    public readonly string NameText
    {
        get
        {
            fixed (byte* p = Name)
            {
                var bytes = new ReadOnlySpan<byte>(p, NameBytes);
                int end = bytes.IndexOf((byte)0);
                return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
            }
        }
    }

    /// <summary>Copies a UTF-8 name in (no allocation), cut to fit.</summary>
    public void SetName(ReadOnlySpan<byte> utf8)
    {
        fixed (byte* p = Name)
        {
            var destination = new Span<byte>(p, NameBytes);
            destination.Clear();
            utf8[..Math.Min(utf8.Length, NameBytes - 1)].CopyTo(destination);
        }
    }
}
