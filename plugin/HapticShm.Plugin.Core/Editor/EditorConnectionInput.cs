namespace HapticShm.Plugin.Core.Editor;

/// <summary>What the plugin knows about its own connection, beside the status block.</summary>
/// <param name="RingAttached">The processor holds a ring now.</param>
/// <param name="Connections">Sessions opened so far (0: never connected).</param>
/// <param name="LastError">Why the last attempt failed, or null.</param>
/// <param name="DroppedCommands">Commands the processor dropped (no ring or ring full).</param>
public readonly record struct EditorConnectionInput(bool RingAttached, int Connections, string? LastError, long DroppedCommands);
