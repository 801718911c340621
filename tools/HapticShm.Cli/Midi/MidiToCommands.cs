using HapticShm.Shared.Protocol;

namespace HapticShm.Cli.Midi;

/// <summary>
/// Turns MIDI/MPE channel messages into protocol <see cref="Command"/>s, one message at a time
/// (a file's merged events, or a live input), keeping per-channel expression and MPE zone state.
/// Converting allocates nothing; every command produced passes <see cref="CommandValidator"/>.
/// </summary>
/// <remarks>
/// Pitch bend is normalised to a common full scale of <see cref="FullScaleSemitones"/>: a channel
/// whose bend range is +-48 semitones (the MPE member default) uses the whole -1..1, the master
/// channel's +-2 semitones only +-2/48. A master-channel bend, pressure or timbre is sent as one
/// channel-wide Mpe command per channel of the zone (master included); member bends add the
/// master's bend, as MPE specifies. Polyphonic aftertouch has no note id to address in MIDI 1.0,
/// so it becomes channel pressure when the addressed note is the only one sounding on its channel
/// and is ignored (counted in <see cref="IgnoredPolyPressureCount"/>) otherwise.
/// </remarks>
public sealed partial class MidiToCommands
{
    /// <summary>The most commands one message can produce (a master message fans out to 15 members + itself).</summary>
    public const int MaxCommandsPerMessage = 16;

    /// <summary>Bend, in semitones, that maps to the full -1..1 of <see cref="Command.PitchBend"/>.</summary>
    public const float FullScaleSemitones = 48f;

    /// <summary>MPE default bend range of member channels.</summary>
    public const float MemberBendRangeDefault = 48f;

    /// <summary>MPE default bend range of master channels (and of channels in no zone).</summary>
    public const float MasterBendRangeDefault = 2f;

    private const int Channels = 16;
    private const int BendCentre = 8192;

    private readonly float[] _bendRange = new float[Channels];
    private readonly float[] _bendSemitones = new float[Channels];
    private readonly float[] _pressure = new float[Channels];
    private readonly float[] _timbre = new float[Channels];
    private readonly int[] _soundingPerChannel = new int[Channels];
    private readonly byte[] _sounding = new byte[Channels * 128];

    public MidiToCommands() => Reset();

    /// <summary>The current MPE zone layout.</summary>
    public MpeZones Zones { get; private set; } = new();

    /// <summary>Polyphonic aftertouch messages dropped because their channel had several notes on.</summary>
    public int IgnoredPolyPressureCount { get; private set; }

    /// <summary>Forgets every note, expression value and zone configuration.</summary>
    public void Reset()
    {
        Zones = new MpeZones();
        ResetBendRanges();
        Array.Clear(_bendSemitones);
        Array.Fill(_pressure, float.NaN); // unknown until a pressure message: a note then sounds at full pressure
        Array.Fill(_timbre, 0.5f);
        Array.Clear(_soundingPerChannel);
        Array.Clear(_sounding);
        ResetRpn();
        IgnoredPolyPressureCount = 0;
    }

    /// <summary>Bend range of <paramref name="channel"/> (0-based) in semitones.</summary>
    public float GetBendRangeSemitones(int channel) => _bendRange[channel];

    /// <summary>Sets the bend range of <paramref name="channel"/> (0-based); RPN 0 messages do the same.</summary>
    public void SetBendRangeSemitones(int channel, float semitones)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(semitones);
        _bendRange[channel] = semitones;
    }

    /// <summary>Converts one file event, timestamped <c>startNs + seconds * 1e9</c>.</summary>
    public int Convert(in MidiChannelEvent e, long startNs, Span<Command> destination) =>
        Convert(e.Status, e.Data1, e.Data2, startNs + (long)Math.Round(e.Seconds * 1e9), destination);

    /// <summary>Converts one channel message; returns how many commands it wrote to
    /// <paramref name="destination"/> (which needs room for <see cref="MaxCommandsPerMessage"/>).</summary>
    public int Convert(byte status, byte data1, byte data2, long timestampNs, Span<Command> destination)
    {
        if (status is < 0x80 or >= 0xF0) return 0;
        int channel = status & 0x0F;
        data1 &= 0x7F;
        data2 &= 0x7F;
        switch (status & 0xF0)
        {
            case MidiStatus.NoteOn when data2 > 0:
                return NoteOn(channel, data1, data2, timestampNs, destination);
            case MidiStatus.NoteOn:
            case MidiStatus.NoteOff:
                return NoteOff(channel, data1, timestampNs, destination);
            case MidiStatus.PolyPressure:
                return PolyPressure(channel, data1, data2, timestampNs, destination);
            case MidiStatus.ChannelPressure:
                return Expression(channel, MpeFields.Pressure, data1 / 127f, timestampNs, destination);
            case MidiStatus.PitchBend:
                return PitchBend(channel, data1 | (data2 << 7), timestampNs, destination);
            case MidiStatus.ControlChange:
                return ControlChange(channel, data1, data2, timestampNs, destination);
            default:
                return 0; // program change: nothing to do for a haptic array
        }
    }

    private int NoteOn(int channel, byte note, byte velocity, long timestampNs, Span<Command> destination)
    {
        int key = channel * 128 + note;
        if (_sounding[key] < byte.MaxValue)
        {
            _sounding[key]++;
            _soundingPerChannel[channel]++;
        }
        var command = Command.NoteOn((byte)channel, note, velocity / 127f, timestampNs);
        command.PitchBend = EffectiveBend(channel);
        command.Timbre = _timbre[channel];
        command.Pressure = float.IsNaN(_pressure[channel]) ? 1f : _pressure[channel];
        destination[0] = command;
        return 1;
    }

    private int NoteOff(int channel, byte note, long timestampNs, Span<Command> destination)
    {
        int key = channel * 128 + note;
        if (_sounding[key] > 0)
        {
            _sounding[key]--;
            _soundingPerChannel[channel]--;
        }
        destination[0] = Command.NoteOff((byte)channel, note, timestampNs);
        return 1;
    }

    private int PolyPressure(int channel, byte note, byte value, long timestampNs, Span<Command> destination)
    {
        if (_soundingPerChannel[channel] == 1 && _sounding[channel * 128 + note] > 0)
            return Expression(channel, MpeFields.Pressure, value / 127f, timestampNs, destination);
        IgnoredPolyPressureCount++;
        return 0;
    }

    private int PitchBend(int channel, int value, long timestampNs, Span<Command> destination)
    {
        // 0 = full down, 8192 = centre, 16383 = full up (the upper half is one step shorter).
        float normalised = value >= BendCentre ? (value - BendCentre) / 8191f : (value - BendCentre) / 8192f;
        _bendSemitones[channel] = normalised * _bendRange[channel];
        int count = 0;
        foreach (int target in Targets(channel))
            destination[count++] = Command.Mpe((byte)target, MpeFields.PitchBend, 0f, EffectiveBend(target), 0f, timestampNs);
        return count;
    }

    private int Expression(int channel, MpeFields field, float value, long timestampNs, Span<Command> destination)
    {
        float[] state = field == MpeFields.Pressure ? _pressure : _timbre;
        int count = 0;
        foreach (int target in Targets(channel))
        {
            state[target] = value;
            destination[count++] = field == MpeFields.Pressure
                ? Command.Mpe((byte)target, field, value, 0f, 0f, timestampNs)
                : Command.Mpe((byte)target, field, 0f, 0f, value, timestampNs);
        }
        return count;
    }

    private float EffectiveBend(int channel)
    {
        int master = Zones.MasterOf(channel);
        float semitones = _bendSemitones[channel] + (master >= 0 ? _bendSemitones[master] : 0f);
        return Math.Clamp(semitones / FullScaleSemitones, -1f, 1f);
    }

    // A master channel's expression reaches itself and every member of its zone.
    private ChannelRange Targets(int channel)
    {
        if (!Zones.IsMaster(channel)) return new ChannelRange(channel, channel, channel);
        var (first, last) = Zones.MembersOf(channel);
        return new ChannelRange(channel, first, last);
    }

    private void ResetBendRanges()
    {
        for (int c = 0; c < Channels; c++)
            _bendRange[c] = Zones.IsMember(c) ? MemberBendRangeDefault : MasterBendRangeDefault;
    }
}
