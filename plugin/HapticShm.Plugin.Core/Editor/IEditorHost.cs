namespace HapticShm.Plugin.Core.Editor;

/// <summary>What the editor's pointer asks of the plugin: parameter edits for the host (VST3
/// beginEdit / performEdit / endEdit, so automation records them) and test pulses.</summary>
public interface IEditorHost
{
    /// <summary>A drag of parameter <paramref name="id"/> starts.</summary>
    void BeginEdit(uint id);

    /// <summary>The dragged parameter takes <paramref name="normalized"/>.</summary>
    void PerformEdit(uint id, double normalized);

    /// <summary>The drag ends.</summary>
    void EndEdit(uint id);

    /// <summary>A click on the array: play a short pulse whose source is there.</summary>
    void PlayTestPulse(in ArrayHit hit);
}
