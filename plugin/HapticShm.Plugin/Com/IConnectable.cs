namespace HapticShm.Plugin.Com;

/// <summary>An object with an IConnectionPoint slot: it keeps (and AddRefs) the peer the host
/// connects it to, and pairs with the other half of its instance (see <see cref="PairingMessage"/>).</summary>
internal unsafe interface IConnectable
{
    /// <summary>The connected peer's IConnectionPoint, or null.</summary>
    void* Peer { get; set; }

    /// <summary>A pairing message from <paramref name="sender"/> arrived: true when this object
    /// took it as the other half of its instance.</summary>
    bool AcceptPairing(ComObject sender);

    /// <summary>Forgets the other half (disconnect, terminate).</summary>
    void Unpair();
}
