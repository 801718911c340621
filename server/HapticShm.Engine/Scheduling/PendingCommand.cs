using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Scheduling;

/// <summary>A validated command, its client and the time it must sound.</summary>
internal readonly struct PendingCommand(Command command, int clientId, long dueNs)
{
    public readonly Command Command = command;
    public readonly int ClientId = clientId;
    public readonly long DueNs = dueNs;
}
