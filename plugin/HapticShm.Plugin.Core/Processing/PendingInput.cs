using HapticShm.Plugin.Core.Input;

namespace HapticShm.Plugin.Core.Processing;

/// <summary>A note event or a parameter point queued for the current block; sorted by
/// <see cref="IsAfter"/> before conversion.</summary>
internal struct PendingInput
{
    public int SampleOffset;
    public bool IsParameter;
    public uint ParameterId;
    public double ParameterValue;
    public NoteInput Note;

    /// <summary>Time order of a block's inputs: by sample offset, and at equal offsets parameter
    /// points before note events, so a channel's bend, CC74 or pressure that arrives at the same
    /// offset as a note-on is already that note's initial state.</summary>
    public readonly bool IsAfter(in PendingInput other) =>
        SampleOffset != other.SampleOffset ? SampleOffset > other.SampleOffset : !IsParameter && other.IsParameter;
}
