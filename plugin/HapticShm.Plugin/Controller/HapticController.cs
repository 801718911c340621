using HapticShm.Plugin.Com;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Controller;

/// <summary>
/// The Edit Controller class: IEditController (slot 0), IMidiMapping (slot 1),
/// INoteExpressionController (slot 2), IConnectionPoint (slot 3). It holds the normalized value
/// of every parameter for the host's UI and automation; no editor view.
/// </summary>
internal sealed unsafe class HapticController : ComObject, IConnectable
{
    public const int EditSlot = 0;
    public const int MidiMappingSlot = 1;
    public const int NoteExpressionSlot = 2;
    public const int ConnectionSlot = 3;

    public HapticController() : base([(nint)EditControllerExports.Vtbl, (nint)MidiMappingExports.Vtbl, (nint)NoteExpressionExports.Vtbl, (nint)ConnectionPointExports.Vtbl])
    {
    }

    /// <summary>Normalized values, indexed like <see cref="PluginParameters.All"/>.</summary>
    public double[] Normalized { get; } = ParameterState.Defaults();

    public void* Peer { get; set; }

    /// <summary>The host's IComponentHandler (counted reference), or null.</summary>
    public void* ComponentHandler { get; set; }

    /// <summary>The component of this instance once the two are paired (see
    /// <see cref="PairingMessage"/>), or null. Both live in this module: the editor reads the
    /// connection and asks for test pulses through it without messages and without blocking.</summary>
    public Component.HapticComponent? PeerComponent { get; private set; }

    public bool AcceptPairing(ComObject sender)
    {
        if (sender is not Component.HapticComponent component) return false;
        PeerComponent?.ForgetController(this);
        PeerComponent = component;
        component.PairWith(this);
        return true;
    }

    public void Unpair()
    {
        PeerComponent?.ForgetController(this);
        PeerComponent = null;
    }

    /// <summary>The component side of <see cref="Unpair"/>.</summary>
    public void ForgetComponent(Component.HapticComponent component)
    {
        if (ReferenceEquals(PeerComponent, component)) PeerComponent = null;
    }

    /// <summary>The component side of <see cref="AcceptPairing"/>.</summary>
    public void PairWith(Component.HapticComponent component) => PeerComponent = component;

    protected override int FindSlot(void* iid)
    {
        if (Iids.FUnknown.Matches(iid) || Iids.IPluginBase.Matches(iid) || Iids.IEditController.Matches(iid)) return EditSlot;
        if (Iids.IMidiMapping.Matches(iid)) return MidiMappingSlot;
        if (Iids.INoteExpressionController.Matches(iid)) return NoteExpressionSlot;
        if (Iids.IConnectionPoint.Matches(iid)) return ConnectionSlot;
        return -1;
    }

    public void SetComponentHandler(void* handler)
    {
        if (handler == ComponentHandler) return;
        NativeCalls.AddRef(handler);
        NativeCalls.Release(ComponentHandler);
        ComponentHandler = handler;
    }

    public void Terminate()
    {
        Unpair();
        SetComponentHandler(null);
        void* peer = Peer;
        Peer = null;
        NativeCalls.Release(peer);
    }

    protected override void OnFinalRelease() => Terminate();
}
