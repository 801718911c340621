namespace HapticShm.Plugin.Com;

/// <summary>An object with an IConnectionPoint slot: it keeps (and AddRefs) the peer the host
/// connects it to.</summary>
internal unsafe interface IConnectable
{
    /// <summary>The connected peer's IConnectionPoint, or null.</summary>
    void* Peer { get; set; }
}
