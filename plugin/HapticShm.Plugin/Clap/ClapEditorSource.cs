using HapticShm.Plugin.Core.Editor;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Window;

namespace HapticShm.Plugin.Clap;

/// <summary>
/// The editor's view of one CLAP instance. CLAP has no separate controller: values are the
/// processor's (host automation lands there through process and flush), an edit sets the processor
/// at once (the next block sends it to the server) and goes to the host as gesture / value events
/// through <see cref="ClapEditQueue"/>, with a request_flush when the host is not processing.
/// </summary>
internal sealed class ClapEditorSource(ClapInstance instance) : IEditorSource
{
    private readonly double[] _values = ParameterState.Defaults();

    public ReadOnlySpan<double> Values
    {
        get
        {
            IReadOnlyList<PluginParameter> all = PluginParameters.All;
            for (int i = 0; i < PluginParameters.PersistentCount; i++) _values[i] = instance.Processor.GetNormalized(all[i].Id);
            return _values;
        }
    }

    public string? StatusPath => instance.Connection.StatusPath;

    public EditorConnectionInput ReadConnection() => EditorConnectionInput.Of(instance.Connection, instance.Processor);

    public void BeginEdit(uint id)
    {
        instance.Edits.Begin(id);
        instance.RequestFlushForEdits();
    }

    public void PerformEdit(uint id, double normalized)
    {
        if (!instance.Processor.SetNormalized(id, normalized)) return;
        instance.Edits.Value(id, ClapEditQueue.ToPlain(id, instance.Processor.GetNormalized(id)));
        instance.RequestFlushForEdits();
    }

    public void EndEdit(uint id)
    {
        instance.Edits.End(id);
        instance.RequestFlushForEdits();
    }

    public void PlayTestPulse(in ArrayHit hit) => instance.Processor.RequestTestPulse(hit.PitchBend, hit.Timbre, ArrayHit.TestPulseVelocity);
}
