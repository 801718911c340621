using HapticShm.Shared.Protocol;

namespace HapticShm.Cli.Midi;

/// <summary>Control changes: CC74 timbre, the registered parameters MPE uses (RPN 0 bend
/// range, RPN 6 MPE Configuration Message) and CC9 (undefined in MIDI 1.0), which sets the
/// engine's routing from then on: 0 by velocity, 1 wave, 2 standing, 3 phantom, 4 stroke (larger
/// values mean stroke).</summary>
public sealed partial class MidiToCommands
{
    private const byte CcDataEntryMsb = 6;
    private const byte CcDataEntryLsb = 38;
    private const byte CcTimbre = 74;
    /// <summary>The controller that sets <see cref="ParamId.Routing"/> in a MIDI file.</summary>
    public const byte CcRouting = 9;
    private const byte CcNrpnLsb = 98;
    private const byte CcNrpnMsb = 99;
    private const byte CcRpnLsb = 100;
    private const byte CcRpnMsb = 101;
    private const int RpnNull = 0x3FFF;
    private const int RpnBendRange = 0x0000;
    private const int RpnMpeConfiguration = 0x0006;

    private readonly int[] _rpn = new int[Channels];

    private int ControlChange(int channel, byte controller, byte value, long timestampNs, Span<Command> destination)
    {
        switch (controller)
        {
            case CcTimbre:
                return Expression(channel, MpeFields.Timbre, value / 127f, timestampNs, destination);
            case CcRouting:
                destination[0] = Command.Param(ParamId.Routing, Math.Min((int)value, (int)StimulusRouting.Stroke), timestampNs);
                return 1;
            case CcRpnMsb:
                _rpn[channel] = (value << 7) | (_rpn[channel] & 0x7F);
                return 0;
            case CcRpnLsb:
                _rpn[channel] = (_rpn[channel] & ~0x7F) | value;
                return 0;
            case CcNrpnMsb or CcNrpnLsb:
                _rpn[channel] = RpnNull; // data entry now belongs to an NRPN we do not use
                return 0;
            case CcDataEntryMsb:
                DataEntry(channel, value, coarse: true);
                return 0;
            case CcDataEntryLsb:
                DataEntry(channel, value, coarse: false);
                return 0;
            default:
                return 0;
        }
    }

    private void DataEntry(int channel, byte value, bool coarse)
    {
        switch (_rpn[channel])
        {
            case RpnMpeConfiguration when coarse:
                if (Zones.Configure(channel, value)) ResetBendRanges(); // MPE: a new layout restores default ranges
                break;
            case RpnBendRange:
                float range = coarse ? value : MathF.Floor(_bendRange[channel]) + value / 100f;
                // MPE: a bend range sent on any member channel applies to the whole zone.
                int master = Zones.MasterOf(channel);
                if (master < 0)
                {
                    _bendRange[channel] = range;
                    break;
                }
                var (first, last) = Zones.MembersOf(master);
                for (int c = first; c <= last; c++) _bendRange[c] = range;
                break;
        }
    }

    private void ResetRpn() => Array.Fill(_rpn, RpnNull);
}
