using HapticShm.Shared.Status;

namespace HapticShm.Server.Backends;

/// <summary>What the status block says about the backend: its name, its state and why. Immutable:
/// a backend that changes replaces the whole record, and the audio callback copies a new one into
/// the status block when it sees a different reference.</summary>
/// <param name="Name">"jack", "null", ...</param>
/// <param name="State">Running, or waiting for JACK.</param>
/// <param name="Reason">Why, in a few words (empty when running as asked).</param>
public sealed record BackendStatus(string Name, BackendState State, string Reason);
