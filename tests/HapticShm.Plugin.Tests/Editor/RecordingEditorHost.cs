using HapticShm.Plugin.Core.Editor;

namespace HapticShm.Plugin.Tests.Editor;

/// <summary>The editor's host as a list of what it was asked: "begin 1", "perform 1 0.250", "end 1", and test pulses.</summary>
internal sealed class RecordingEditorHost : IEditorHost
{
    public List<string> Calls { get; } = [];
    public List<ArrayHit> Pulses { get; } = [];
    public void BeginEdit(uint id) => Calls.Add($"begin {id}");
    public void PerformEdit(uint id, double normalized) => Calls.Add(FormattableString.Invariant($"perform {id} {normalized:F3}"));
    public void EndEdit(uint id) => Calls.Add($"end {id}");
    public void PlayTestPulse(in ArrayHit hit) => Pulses.Add(hit);
}
