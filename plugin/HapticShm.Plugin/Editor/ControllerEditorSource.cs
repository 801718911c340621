using HapticShm.Plugin.Com;
using HapticShm.Plugin.Component;
using HapticShm.Plugin.Controller;
using HapticShm.Plugin.Core.Editor;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Window;

namespace HapticShm.Plugin.Editor;

/// <summary>
/// The editor's view of one VST3 instance: parameter values from the controller (host automation
/// lands there through setParamNormalized), edits to the host's IComponentHandler, the connection
/// and test pulses through the component the controller is connected to.
/// </summary>
internal sealed unsafe class ControllerEditorSource(HapticController controller) : IEditorSource
{
    public ReadOnlySpan<double> Values => controller.Normalized;

    public string? StatusPath => controller.PeerComponent?.Connection.StatusPath;

    public EditorConnectionInput ReadConnection()
    {
        HapticComponent? component = controller.PeerComponent;
        if (component is null) return new EditorConnectionInput(false, 0, "the host did not connect the editor to the processor", 0);
        return EditorConnectionInput.Of(component.Connection, component.Processor);
    }

    public void BeginEdit(uint id)
    {
        void* handler = controller.ComponentHandler;
        if (handler != null) NativeCalls.Vtbl<IComponentHandlerVtbl>(handler)->beginEdit(handler, id);
    }

    public void PerformEdit(uint id, double normalized)
    {
        // The controller holds the value first (a host may read it back during performEdit).
        int index = PluginParameters.IndexOf(id);
        if (index >= 0) controller.Normalized[index] = normalized;
        void* handler = controller.ComponentHandler;
        if (handler != null) NativeCalls.Vtbl<IComponentHandlerVtbl>(handler)->performEdit(handler, id, normalized);
    }

    public void EndEdit(uint id)
    {
        void* handler = controller.ComponentHandler;
        if (handler != null) NativeCalls.Vtbl<IComponentHandlerVtbl>(handler)->endEdit(handler, id);
    }

    public void PlayTestPulse(in ArrayHit hit) =>
        controller.PeerComponent?.Processor.RequestTestPulse(hit.PitchBend, hit.Timbre, ArrayHit.TestPulseVelocity);
}
