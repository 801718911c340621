using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Core.Editor;

public sealed partial class EditorViewModel
{
    private unsafe void UpdateConnection(in StatusBlock status, bool statusRead, in EditorConnectionInput connection, long nowNs)
    {
        long ageNs = nowNs - status.UpdatedNs;
        Connection = !statusRead ? (connection.Connections == 0 ? EditorConnectionState.Launching : EditorConnectionState.Reconnecting)
            : status.FaultedNs != 0 || ageNs > StatusReader.StaleAfterNs ? EditorConnectionState.ServerHung
            : connection.RingAttached ? EditorConnectionState.Connected
            : EditorConnectionState.Connecting;

        TextLine line = ConnectionText.Clear();
        switch (Connection)
        {
            case EditorConnectionState.Launching: line.Append("Launching the server"); break;
            case EditorConnectionState.Reconnecting: line.Append("Reconnecting: the server went away"); break;
            case EditorConnectionState.Connecting: line.Append("Connecting to server ").Append(status.ServerPid); break;
            case EditorConnectionState.Connected: line.Append("Connected to server ").Append(status.ServerPid); break;
            case EditorConnectionState.ServerHung:
                line.Append("Server ").Append(status.ServerPid).Append(" hung: ");
                if (status.FaultedNs != 0) line.Append("its audio callback failed, output is silent");
                else line.Append("no status for ").Append(ageNs / 1_000_000).Append(" ms");
                break;
        }
        if (Connection != EditorConnectionState.Connected && Connection != EditorConnectionState.ServerHung && connection.LastError is { Length: > 0 } error)
            line.Append(" (").Append(error).Append(")");

        // From the processor, not the status block: known before a server answers.
        Span<char> clock = stackalloc char[80];
        ClockText.Clear().Append("Clock: ").Append(clock[..connection.Clock.Format(clock)]);
        ServerText.Clear();
        RingText.Clear();
        if (!statusRead)
        {
            RingText.Append("Commands dropped while not connected: ").Append(connection.DroppedCommands);
            return;
        }
        fixed (StatusBlock* block = &status)
        {
            AppendText(ServerText, new ReadOnlySpan<byte>(block->Backend, StatusBlock.BackendBytes));
            if (status.IsWaitingForJack)
            {
                // The wording of StatusBlock.DescribeBackend, built in place (no string per frame).
                ServerText.Append(": ").Append(StatusBlock.WaitingForJackText);
                var reason = new ReadOnlySpan<byte>(block->BackendReason, StatusBlock.BackendReasonBytes);
                if (reason[0] != 0) AppendText(ServerText.Append(" ("), reason).Append(')');
            }
        }
        ServerText.Append("  ").Append(status.SampleRate).Append(" Hz / ").Append(status.BlockSize)
            .Append("  latency ").Append(status.FixedLatencyNs / 1e6, 2).Append(" ms  load ").Append(status.LoadMeanPercent, 1)
            .Append("% (max ").Append(status.LoadMaxPercent, 1).Append("%)  xruns ").Append(status.Xruns)
            .Append("  voices ").Append(status.ActiveVoices);

        StatusBlock copy = status; // Client(i) needs a mutable reference
        // The handshake's slot names this instance's entry; two instances in one host share a pid.
        bool bySlot = (uint)connection.ClientSlot < StatusBlock.MaxClients && connection.ServerPid == status.ServerPid;
        for (int i = 0; i < StatusBlock.MaxClients; i++)
        {
            ClientStatus client = copy.Client(i);
            if (client.Active == 0 || (bySlot ? i != connection.ClientSlot : client.Pid != _ownPid)) continue;
            RingText.Append("Ring: fill ").Append(client.Fill).Append("/").Append(client.Capacity)
                .Append("  pushed ").Append(client.Pushed).Append("  dropped ").Append(client.DroppedFull + connection.DroppedCommands)
                .Append("  late ").Append(client.Late);
            return;
        }
        RingText.Append("Ring: not attached  dropped ").Append(connection.DroppedCommands);
    }

    // Zero-terminated UTF-8 from the status block; the editor's font is drawn for ASCII.
    private static TextLine AppendText(TextLine line, ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            if (b == 0) break;
            line.Append(b < 128 ? (char)b : '?');
        }
        return line;
    }
}
