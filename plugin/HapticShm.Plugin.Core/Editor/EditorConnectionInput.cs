using HapticShm.Plugin.Core.Connection;
using HapticShm.Plugin.Core.Processing;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Core.Editor;

/// <summary>What the plugin knows about its own connection, beside the status block.</summary>
/// <param name="RingAttached">The processor holds a ring now.</param>
/// <param name="Connections">Sessions opened so far (0: never connected).</param>
/// <param name="LastError">Why the last attempt failed, or null.</param>
/// <param name="DroppedCommands">Commands the processor dropped (no ring or ring full).</param>
/// <param name="ServerPid">The server of the attached session (0: none known).</param>
/// <param name="ClientSlot">This instance's slot in that server's client table, which is its entry
/// in the status block (-1: unknown; the editor then takes the first entry with its own pid).</param>
/// <param name="Clock">Which clock the processor stamps with (the host's or its own fit) and why.</param>
public readonly record struct EditorConnectionInput(bool RingAttached, int Connections, string? LastError, long DroppedCommands,
    int ServerPid = 0, int ClientSlot = -1, ClockSourceStatus Clock = default)
{
    /// <summary>What <paramref name="connection"/> and the <paramref name="processor"/> it feeds report now (VST3 and CLAP editors alike).</summary>
    public static EditorConnectionInput Of(RingConnection connection, PluginProcessor processor)
    {
        (int serverPid, int slot) = connection.CurrentSession;
        return new EditorConnectionInput(processor.Ring is not null, connection.Connections, connection.LastError,
            processor.DroppedCommands, serverPid, slot, processor.ClockSource);
    }
}
