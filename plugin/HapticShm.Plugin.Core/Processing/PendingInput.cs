using HapticShm.Plugin.Core.Input;

namespace HapticShm.Plugin.Core.Processing;

/// <summary>A note event or a parameter point queued for the current block; sorted by sample offset
/// before conversion.</summary>
internal struct PendingInput
{
    public int SampleOffset;
    public bool IsParameter;
    public uint ParameterId;
    public double ParameterValue;
    public NoteInput Note;
}
