using HapticShm.Shared.Protocol;

namespace HapticShm.Plugin.Core.Processing;

public sealed partial class PluginProcessor
{
    /// <summary>Note id of the editor's test pulses (hosts number their notes from 0 up).</summary>
    public const int TestPulseNoteId = int.MaxValue;
    /// <summary>Channel and note of a test pulse.</summary>
    public const byte TestPulseChannel = 0, TestPulseNote = 60;
    /// <summary>How long a test pulse is held before its note-off.</summary>
    public const long TestPulseDurationNs = 100_000_000;

    private float _pulseBend, _pulseTimbre, _pulseVelocity;
    private int _pulsesRequested, _pulsesSent;

    /// <summary>Asks for a short pulse whose wave starts at (<paramref name="pitchBend"/>,
    /// <paramref name="timbre"/>): the next block pushes a note-on and its note-off
    /// <see cref="TestPulseDurationNs"/> later, through the same ring as the host's notes. Called
    /// by the editor (UI thread); never blocks. A second request before the block takes the first
    /// replaces it.</summary>
    public void RequestTestPulse(float pitchBend, float timbre, float velocity)
    {
        _pulseBend = Math.Clamp(float.IsNaN(pitchBend) ? 0f : pitchBend, -1f, 1f);
        _pulseTimbre = Clamp01(timbre);
        _pulseVelocity = Clamp01(velocity);
        Interlocked.Increment(ref _pulsesRequested); // a full fence: the values above are visible first
    }

    // Audio thread, once per block.
    private void SendTestPulse()
    {
        int requested = Volatile.Read(ref _pulsesRequested);
        if (requested == _pulsesSent) return;
        _pulsesSent = requested;
        if (_bypassed || _pulseVelocity <= 0f) return;
        // Stamped like the host's notes at the block start: the haptic offset applies to a click too.
        long start = TimestampAt(0);
        Command on = Command.NoteOn(TestPulseChannel, TestPulseNote, _pulseVelocity, start, TestPulseNoteId);
        on.PitchBend = _pulseBend;
        on.Timbre = _pulseTimbre;
        Emit(on);
        Emit(Command.NoteOff(TestPulseChannel, TestPulseNote, start + TestPulseDurationNs, TestPulseNoteId));
    }
}
