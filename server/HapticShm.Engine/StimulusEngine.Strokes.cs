using System.Numerics;
using HapticShm.Engine.Voices;
using HapticShm.Shared.Protocol;

namespace HapticShm.Engine;

public sealed partial class StimulusEngine
{
    /// <summary>How long a stroke drawn by a note (routing <see cref="StimulusRouting.Stroke"/>) takes.</summary>
    public const float NoteStrokeMilliseconds = 1000f;

    // Each stroke point is a short burst: its onset and its duration are the timing model's, the
    // ramps only keep it from clicking.
    private static readonly VoiceSettings StrokePointSettings = new() { AttackSeconds = 0.005f, ReleaseSeconds = 0.005f };

    /// <summary>Routing "stroke": the note draws a stroke from its bend/timbre point to the point
    /// mirrored through the layout's centre (bend -1, timbre 0 crosses the array diagonally).</summary>
    private void NoteStroke(in Command command, int clientId)
    {
        Vector2 from = _options.Layout.SourcePosition(command.PitchBend, command.Timbre);
        BeginStroke(clientId, from, 2 * _options.Layout.Centre - from, NoteStrokeMilliseconds, command);
    }

    private void BeginStroke(int clientId, Vector2 from, Vector2 to, float milliseconds, in Command command)
    {
        StrokeSchedule.Stroke stroke = _strokes.Acquire();
        if (stroke.Active) stroke.End();
        stroke.Begin(_eventFrame, clientId, from, to, milliseconds, _panner.Spacing, _options.SampleRate);
        stroke.Note = Command.NoteOn(command.Channel, command.Note, command.Velocity, 0) with { Pressure = command.Pressure };
        _notesPlayed++;
        FireStrokes(_eventFrame); // the first point starts on this very frame
    }

    /// <summary>Starts and stops every stroke point due at or before <paramref name="frame"/>.</summary>
    private void FireStrokes(long frame)
    {
        foreach (StrokeSchedule.Stroke stroke in _strokes.Strokes)
        {
            while (stroke.Active && stroke.NextEventFrame <= frame)
            {
                // Stops first: a point that ends on the frame another starts frees its voice first.
                if (stroke.Stopped < stroke.Started && stroke.ReleaseFrame(stroke.Stopped) <= frame)
                {
                    stroke.StopNext();
                    continue;
                }
                PhantomVoice voice = _phantom.Acquire(StealFadeSeconds, out bool stolen);
                if (stolen) _stolen++;
                voice.PlaceAt(stroke.PointAt(stroke.Started));
                voice.Start(stroke.Note, stroke.ClientId, _startOrder++, StrokePointSettings);
                stroke.MarkStarted(voice);
                _peakVoices = Math.Max(_peakVoices, ActiveVoices);
            }
        }
    }

    /// <summary>Ends the strokes of <paramref name="clientId"/> (all of them for -1): their sounding points release.</summary>
    private void EndStrokes(int clientId)
    {
        foreach (StrokeSchedule.Stroke stroke in _strokes.Strokes)
        {
            if (stroke.Active && (clientId < 0 || stroke.ClientId == clientId)) stroke.End();
        }
    }
}
