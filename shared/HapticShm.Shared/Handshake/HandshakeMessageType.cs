namespace HapticShm.Shared.Handshake;

/// <summary>The kind of a handshake frame.</summary>
public enum HandshakeMessageType : ushort
{
    /// <summary>Client to server: who I am and which protocol I speak.</summary>
    Hello = 1,
    /// <summary>Server to client: your ring and the audio format.</summary>
    Welcome = 2,
    /// <summary>Server to client: refused, with a code and a sentence.</summary>
    Reject = 3,
}

/// <summary>Why the server refused a client.</summary>
public enum RejectCode : uint
{
    /// <summary>Not a HapticShm hello.</summary>
    BadMagic = 1,
    /// <summary>The client speaks another protocol version.</summary>
    VersionMismatch = 2,
    /// <summary>The peer runs as another user.</summary>
    OtherUser = 3,
    /// <summary>Every client slot is taken.</summary>
    ServerFull = 4,
    /// <summary>The server could not create the ring.</summary>
    RingFailed = 5,
    /// <summary>The frame was not a Hello.</summary>
    UnexpectedMessage = 6,
}
