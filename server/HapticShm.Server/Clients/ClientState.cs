namespace HapticShm.Server.Clients;

/// <summary>
/// Life of a client slot. The listener thread moves Free -> Active (ring ready) and
/// Active -> Closing (socket closed); the audio callback moves Closing -> Closed after fading the
/// client's voices; the listener then removes the ring and moves Closed -> Free. Each side only
/// makes its own transitions, so no lock is needed.
/// </summary>
public enum ClientState
{
    Free = 0,
    Active = 1,
    Closing = 2,
    Closed = 3,
}
