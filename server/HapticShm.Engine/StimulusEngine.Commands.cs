using System.Numerics;
using HapticShm.Engine.Voices;
using HapticShm.Shared.Protocol;

namespace HapticShm.Engine;

public sealed partial class StimulusEngine
{
    private const float WaveVelocityLimit = 64f / 127f;

    private void Apply(in Command command, int clientId)
    {
        switch (command.Kind)
        {
            case CommandKind.NoteOn: NoteOn(command, clientId); break;
            case CommandKind.NoteOff: NoteOff(command, clientId); break;
            case CommandKind.Mpe: Expression(command, clientId); break;
            case CommandKind.Param: Parameter(command); break;
            case CommandKind.Panic:
                EndStrokes(-1);
                FadeVoices(_wave.Slots, -1, PanicFadeSeconds);
                FadeVoices(_standing.Slots, -1, PanicFadeSeconds);
                FadeVoices(_phantom.Slots, -1, PanicFadeSeconds);
                break;
            case CommandKind.Stroke:
                BeginStroke(clientId, new Vector2(command.StrokeFromX, command.StrokeFromY), new Vector2(command.StrokeToX, command.StrokeToY), command.StrokeMilliseconds, command);
                break;
        }
    }

    private void NoteOn(in Command command, int clientId)
    {
        if (_routing == StimulusRouting.Stroke)
        {
            NoteStroke(command, clientId);
            return;
        }
        bool stolen;
        Voice voice = _routing switch
        {
            StimulusRouting.Wave => _wave.Acquire(StealFadeSeconds, out stolen),
            StimulusRouting.Standing => _standing.Acquire(StealFadeSeconds, out stolen),
            StimulusRouting.Phantom => _phantom.Acquire(StealFadeSeconds, out stolen),
            _ when command.Velocity < WaveVelocityLimit => _wave.Acquire(StealFadeSeconds, out stolen),
            _ => _standing.Acquire(StealFadeSeconds, out stolen),
        };
        if (stolen) _stolen++;
        voice.Start(command, clientId, _startOrder++, _settings);
        _notesPlayed++;
        _peakVoices = Math.Max(_peakVoices, ActiveVoices);
    }

    private void NoteOff(in Command command, int clientId)
    {
        Voice? voice = null;
        if (command.NoteId != Command.NoNoteId)
        {
            voice = OldestHeld(_wave.Slots, clientId, command, byNoteId: true, voice);
            voice = OldestHeld(_standing.Slots, clientId, command, byNoteId: true, voice);
            voice = OldestHeld(_phantom.Slots, clientId, command, byNoteId: true, voice);
        }
        if (voice is null)
        {
            voice = OldestHeld(_wave.Slots, clientId, command, byNoteId: false, voice);
            voice = OldestHeld(_standing.Slots, clientId, command, byNoteId: false, voice);
            voice = OldestHeld(_phantom.Slots, clientId, command, byNoteId: false, voice);
        }
        voice?.Release();
    }

    private static Voice? OldestHeld<TVoice>(ReadOnlySpan<TVoice> voices, int clientId, in Command command, bool byNoteId, Voice? best) where TVoice : Voice
    {
        foreach (TVoice voice in voices)
        {
            if (voice.State != VoiceState.Playing || voice.IsReleased || voice.IsScripted || voice.ClientId != clientId) continue;
            bool match = byNoteId ? voice.NoteId == command.NoteId : voice.Channel == command.Channel && voice.Note == command.Note;
            if (match && (best is null || voice.StartOrder < best.StartOrder)) best = voice;
        }
        return best;
    }

    private void Expression(in Command command, int clientId)
    {
        bool perNote = (command.Fields & MpeFields.PerNote) != 0;
        Express(_wave.Slots, command, clientId, perNote);
        Express(_standing.Slots, command, clientId, perNote);
        Express(_phantom.Slots, command, clientId, perNote);
    }

    private void Express<TVoice>(ReadOnlySpan<TVoice> voices, in Command command, int clientId, bool perNote) where TVoice : Voice
    {
        foreach (TVoice voice in voices)
        {
            // The channel or note id first: it rules out nearly every voice without a virtual call.
            if (perNote ? voice.NoteId != command.NoteId : voice.Channel != command.Channel) continue;
            if (voice.State != VoiceState.Playing || voice.IsScripted || voice.ClientId != clientId) continue;
            voice.Express(command, _settings);
        }
    }

    private void Parameter(in Command command)
    {
        float value = command.ParamValue;
        switch (command.ParamId)
        {
            case ParamId.WaveSpeed:
                _settings.WaveSpeed = value;
                foreach (WaveVoice voice in _wave.Slots)
                {
                    if (voice.State != VoiceState.Free) voice.Retarget(_settings);
                }
                break;
            case ParamId.Routing: _routing = (StimulusRouting)(int)MathF.Round(value); break;
            case ParamId.Ceiling: _safety.Ceiling = value; break;
            case ParamId.AttackSeconds: _settings.AttackSeconds = value; break;
            case ParamId.ReleaseSeconds: _settings.ReleaseSeconds = value; break;
            case ParamId.MasterGain: _safety.MasterGain = value; break;
        }
    }
}
