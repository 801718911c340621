namespace HapticShm.Shared.Handshake;

/// <summary>The server answered with a Reject; <see cref="Exception.Message"/> is its sentence.</summary>
public sealed class HandshakeRejectedException(RejectCode code, string reason) : Exception(reason)
{
    /// <summary>Why, as a code.</summary>
    public RejectCode Code { get; } = code;
}
