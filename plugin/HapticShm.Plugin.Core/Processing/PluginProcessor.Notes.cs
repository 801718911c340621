using HapticShm.Plugin.Core.Input;
using HapticShm.Shared.Protocol;

namespace HapticShm.Plugin.Core.Processing;

public sealed partial class PluginProcessor
{
    private const float MpeBendRangeSemitones = 48f;

    private void ApplyNote(in NoteInput note)
    {
        if (_bypassed) return;
        switch (note.Kind)
        {
            case NoteInputKind.NoteOn:
                if (note.Value > 0) StartNote(note);
                else StopNote(note);
                break;
            case NoteInputKind.NoteOff:
                StopNote(note);
                break;
            case NoteInputKind.PolyPressure:
                PolyPressure(note);
                break;
            case NoteInputKind.Expression:
                Expression(note);
                break;
            case NoteInputKind.ReleaseAll:
                ReleaseMatching(note.Channel, note.Pitch, note.SampleOffset);
                break;
        }
    }

    private static bool IsValidKey(in NoteInput note) => (uint)note.Channel < 16 && (uint)note.Pitch < 128;

    private void StartNote(in NoteInput note)
    {
        if (!IsValidKey(note)) return;
        int noteId = note.NoteId >= 0 ? note.NoteId : HeldNotes.SyntheticId(note.Channel, note.Pitch);
        float velocity = Clamp01((float)note.Value);
        ref HeldNote held = ref _held.Add((byte)note.Channel, (byte)note.Pitch, noteId, velocity);
        // The note starts where its channel's expression is now (an MPE controller sends a member
        // channel's bend, CC74 and pressure just before the note-on), so the source starts in place
        // instead of gliding there from the centre.
        ref readonly ChannelExpression channel = ref _channels[note.Channel];
        held.Pressure = channel.NoteOnPressure;
        held.PitchBend = channel.PitchBend;
        held.Timbre = channel.Timbre;
        Emit(NoteOnCommand(held, TimestampAt(note.SampleOffset)));
    }

    /// <summary>A note-on carrying the note's current expression as its initial state.</summary>
    private static Command NoteOnCommand(in HeldNote held, long timestampNs) =>
        Command.NoteOn(held.Channel, held.Pitch, held.Velocity, timestampNs, held.NoteId) with
        {
            Pressure = held.Pressure,
            PitchBend = held.PitchBend,
            Timbre = held.Timbre,
        };

    private void StopNote(in NoteInput note)
    {
        // By note id first: a CLAP note-off may carry the id alone (key and channel -1).
        int index = FindHeld(note);
        if (index >= 0)
        {
            HeldNote held = _held[index];
            _held.RemoveAt(index);
            Emit(Command.NoteOff(held.Channel, held.Pitch, TimestampAt(note.SampleOffset), held.NoteId));
            return;
        }
        // Not held: the engine still gets the note-off for that key.
        if (!IsValidKey(note)) return;
        int noteId = note.NoteId >= 0 ? note.NoteId : Command.NoNoteId;
        Emit(Command.NoteOff((byte)note.Channel, (byte)note.Pitch, TimestampAt(note.SampleOffset), noteId));
    }

    private void PolyPressure(in NoteInput note)
    {
        int index = FindHeld(note);
        if (index < 0) return;
        ref HeldNote held = ref _held[index];
        held.Pressure = Clamp01((float)note.Value);
        EmitNoteExpression(held, MpeFields.Pressure, note.SampleOffset);
    }

    private void Expression(in NoteInput note)
    {
        int index = FindHeld(note);
        if (index < 0) return;
        ref HeldNote held = ref _held[index];
        float value = double.IsFinite(note.Value) ? (float)note.Value : 0f;
        MpeFields field;
        switch (note.Expression)
        {
            case NoteExpressionKind.Volume:
                held.Pressure = Clamp01(4f * value);
                field = MpeFields.Pressure;
                break;
            case NoteExpressionKind.Expression:
                held.Pressure = Clamp01(value);
                field = MpeFields.Pressure;
                break;
            case NoteExpressionKind.Tuning:
                // Normalized tuning: 0.5 = none, 1/240 per semitone; the bend spans +-48 (MPE default).
                // In double: +48 semitones (0.7) is exactly the top of the bend, not 0.99999994.
                held.PitchBend = (float)Math.Clamp(((double.IsFinite(note.Value) ? note.Value : 0.0) - 0.5) * 240.0 / MpeBendRangeSemitones, -1.0, 1.0);
                field = MpeFields.PitchBend;
                break;
            case NoteExpressionKind.Brightness:
                held.Timbre = Clamp01(value);
                field = MpeFields.Timbre;
                break;
            default:
                return;
        }
        EmitNoteExpression(held, field, note.SampleOffset);
    }

    // The held note an event names: by its id, else by a valid channel and key; -1 when none.
    private int FindHeld(in NoteInput note)
    {
        int index = note.NoteId >= 0 ? _held.Find(note.NoteId) : -1;
        if (index < 0 && IsValidKey(note)) index = _held.Find(note.Channel, note.Pitch);
        return index;
    }

    // channel or pitch < 0 matches any.
    private void ReleaseMatching(int channel, int pitch, int sampleOffset)
    {
        for (int i = _held.Count - 1; i >= 0; i--)
        {
            ref HeldNote held = ref _held[i];
            if ((channel >= 0 && held.Channel != channel) || (pitch >= 0 && held.Pitch != pitch)) continue;
            Emit(Command.NoteOff(held.Channel, held.Pitch, TimestampAt(sampleOffset), held.NoteId));
            _held.RemoveAt(i);
        }
    }

    private void EmitNoteExpression(in HeldNote held, MpeFields fields, int sampleOffset) =>
        Emit(Command.MpeForNote(held.NoteId, held.Channel, fields, held.Pressure, held.PitchBend, held.Timbre, TimestampAt(sampleOffset)));

    // NaN fails both comparisons and becomes 0.
    private static float Clamp01(float value) => value >= 0f ? (value <= 1f ? value : 1f) : 0f;
}
