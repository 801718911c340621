using System.Net.Sockets;
using HapticShm.Shared.Ring;

namespace HapticShm.Server.Clients;

/// <summary>One connected client: its socket, its ring, and what the audio callback tracks about it.</summary>
public sealed class ClientSlot(int index)
{
    private int _state;

    public int Index { get; } = index;

    public ClientState State
    {
        get => (ClientState)Volatile.Read(ref _state);
        set => Volatile.Write(ref _state, (int)value);
    }

    // Set by the listener before the slot becomes Active; read-only for the callback afterwards.
    public Socket? Socket { get; set; }
    public CommandRing? Ring { get; set; }
    public RingConsumer? Consumer { get; set; }
    public int Pid { get; set; }
    public byte[] NameUtf8 { get; } = new byte[64];
    public int NameLength { get; set; }
    public long ConnectedNs { get; set; }

    // Owned by the audio callback.
    public long LateReported { get; set; }
    public bool StallFaded { get; set; }
    public long StallFades { get; set; }
}
