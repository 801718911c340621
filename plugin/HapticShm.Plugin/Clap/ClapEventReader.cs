using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Core.Input;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Core.Processing;

namespace HapticShm.Plugin.Clap;

/// <summary>
/// CLAP events into core calls, allocation-free. Notes keep their note ids; note expressions map
/// onto the VST3 ones (the core's normalized scales): volume x (gain 0..4) -> x / 4, tuning s
/// (semitones) -> 0.5 + s / 240 (so +-48 semitones is the full +-1 bend), expression and
/// brightness as they are, pressure -> poly pressure; pan and vibrato are ignored. MIDI goes to
/// <see cref="PluginProcessor.AddMidi"/>. Parameter values are plain; the core wants normalized.
/// </summary>
internal static unsafe class ClapEventReader
{
    /// <summary>Reads <paramref name="events"/>: inside a block (process) as the block's inputs,
    /// outside one (params.flush) only the parameter values, set at once.</summary>
    public static void Read(PluginProcessor processor, ClapInputEvents* events, bool inBlock)
    {
        if (events->Size == null || events->Get == null) return;
        uint count = events->Size(events);
        for (uint i = 0; i < count; i++)
        {
            ClapEventHeader* header = events->Get(events, i);
            if (header == null || header->SpaceId != ClapEventHeader.CoreEventSpace) continue;
            if (header->Type == ClapEventHeader.ParamValue && header->Size >= sizeof(ClapEventParamValue))
            {
                ReadParamValue(processor, (ClapEventParamValue*)header, inBlock);
                continue;
            }
            if (inBlock) ReadNoteEvent(processor, header);
        }
    }

    private static void ReadParamValue(PluginProcessor processor, ClapEventParamValue* e, bool inBlock)
    {
        if (!ClapParamsExports.TryGet(e->ParamId, out PluginParameter? parameter) || !double.IsFinite(e->Value)) return;
        double normalized = parameter.ToNormalized(e->Value);
        if (inBlock) processor.AddParameterPoint(e->ParamId, Offset(&e->Header), normalized);
        else processor.SetNormalized(e->ParamId, normalized);
    }

    private static void ReadNoteEvent(PluginProcessor processor, ClapEventHeader* header)
    {
        int offset = Offset(header);
        switch (header->Type)
        {
            case ClapEventHeader.NoteOn when header->Size >= sizeof(ClapEventNote):
            {
                var e = (ClapEventNote*)header;
                if (e->PortIndex > 0) return; // one note port (0); -1 is invalid on a note-on but harmless
                // CLAP: a velocity-0 note-on is a note, not a note-off; the smallest velocity keeps it one.
                double velocity = e->Velocity > 0 ? e->Velocity : 1e-6;
                processor.AddNote(NoteInput.NoteOn(offset, e->Channel, e->Key, velocity, e->NoteId));
                return;
            }
            case ClapEventHeader.NoteOff or ClapEventHeader.NoteChoke when header->Size >= sizeof(ClapEventNote):
            {
                var e = (ClapEventNote*)header;
                if (e->PortIndex > 0) return;
                if (e->NoteId < 0 && (e->Key < 0 || e->Channel < 0)) processor.AddNote(NoteInput.ReleaseAll(offset, e->Channel, e->Key));
                else processor.AddNote(NoteInput.NoteOff(offset, e->Channel, e->Key, e->NoteId));
                return;
            }
            case ClapEventHeader.NoteExpression when header->Size >= sizeof(ClapEventNoteExpression):
                ReadExpression(processor, (ClapEventNoteExpression*)header, offset);
                return;
            case ClapEventHeader.Midi when header->Size >= sizeof(ClapEventMidi):
            {
                var e = (ClapEventMidi*)header;
                if (e->PortIndex == 0) processor.AddMidi(offset, e->Status, e->Data1, e->Data2);
                return;
            }
        }
    }

    private static void ReadExpression(PluginProcessor processor, ClapEventNoteExpression* e, int offset)
    {
        if (e->PortIndex > 0 || !double.IsFinite(e->Value)) return;
        if (e->ExpressionId == ClapEventNoteExpression.Pressure)
        {
            processor.AddNote(NoteInput.PolyPressure(offset, e->Channel, e->Key, e->Value, e->NoteId));
            return;
        }
        if (!TryMapExpression(e->ExpressionId, e->Value, out NoteExpressionKind kind, out double normalized)) return;
        processor.AddNote(NoteInput.NoteExpression(offset, e->NoteId, kind, normalized, e->Channel, e->Key));
    }

    /// <summary>A CLAP note expression (id, value) as the core's kind and normalized value; false for
    /// the ones we ignore (pan, vibrato, unknown).</summary>
    public static bool TryMapExpression(int expressionId, double value, out NoteExpressionKind kind, out double normalized)
    {
        switch (expressionId)
        {
            case ClapEventNoteExpression.Volume:
                kind = NoteExpressionKind.Volume;
                normalized = Math.Clamp(value / 4.0, 0.0, 1.0);
                return true;
            case ClapEventNoteExpression.Tuning:
                kind = NoteExpressionKind.Tuning;
                normalized = Math.Clamp(0.5 + value / 240.0, 0.0, 1.0);
                return true;
            case ClapEventNoteExpression.Expression:
                kind = NoteExpressionKind.Expression;
                normalized = value;
                return true;
            case ClapEventNoteExpression.Brightness:
                kind = NoteExpressionKind.Brightness;
                normalized = value;
                return true;
            default:
                kind = default;
                normalized = 0;
                return false;
        }
    }

    private static int Offset(ClapEventHeader* header) => (int)Math.Min(header->Time, (uint)int.MaxValue);
}
