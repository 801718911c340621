using HapticShm.Plugin.Com;
using HapticShm.Plugin.Core.Connection;
using HapticShm.Plugin.Core.Processing;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Component;

/// <summary>
/// The Audio Module Class: IComponent (slot 0), IAudioProcessor (slot 1), IConnectionPoint
/// (slot 2), IProcessContextRequirements (slot 3). One event input bus, one stereo output bus kept silent: the stimuli leave through
/// the ring to the server, not through the host's audio.
/// </summary>
internal sealed unsafe partial class HapticComponent : ComObject, IConnectable, IDisposable
{
    public const int ComponentSlot = 0;
    public const int ProcessorSlot = 1;
    public const int ConnectionSlot = 2;
    public const int ContextRequirementsSlot = 3;
    public const ulong kStereo = 0x3; // kSpeakerL | kSpeakerR

    private readonly RingConnection _connection;

    public HapticComponent() : base([(nint)ComponentExports.Vtbl, (nint)AudioProcessorExports.Vtbl, (nint)ConnectionPointExports.Vtbl, (nint)ProcessContextRequirementsExports.Vtbl])
    {
        _connection = new RingConnection(Processor, socketPath: null, launchServer: Server.ServerLauncher.TryLaunch, getEnvironment: ReadEnvironment,
            reapLaunched: Server.ServerLauncher.ReapExited);
    }

    /// <summary>Everything host-independent happens here.</summary>
    public PluginProcessor Processor { get; } = new();

    public void* Peer { get; set; }

    /// <summary>The controller of this instance once paired (see <see cref="PairingMessage"/>), or null.</summary>
    public Controller.HapticController? PairedController { get; private set; }

    public bool AcceptPairing(ComObject sender)
    {
        if (sender is not Controller.HapticController controller) return false;
        PairedController?.ForgetComponent(this);
        PairedController = controller;
        controller.PairWith(this);
        return true;
    }

    public void Unpair()
    {
        PairedController?.ForgetComponent(this);
        PairedController = null;
    }

    /// <summary>The controller side of <see cref="Unpair"/>.</summary>
    public void ForgetController(Controller.HapticController controller)
    {
        if (ReferenceEquals(PairedController, controller)) PairedController = null;
    }

    /// <summary>The controller side of <see cref="AcceptPairing"/>.</summary>
    public void PairWith(Controller.HapticController controller) => PairedController = controller;

    /// <summary>The connection to the server (the editor shows it).</summary>
    public RingConnection Connection => _connection;

    internal static string? ReadEnvironment(string name) =>
        OperatingSystem.IsWindows() ? Environment.GetEnvironmentVariable(name) : System.Runtime.InteropServices.Marshal.PtrToStringUTF8(Interop.Interop.Libc.getenv(name));

    public bool IsActive { get; private set; }

    public bool IsProcessing { get; set; }

    public int SymbolicSampleSize { get; set; } = ProcessData.kSample32;

    protected override int FindSlot(void* iid)
    {
        if (Iids.FUnknown.Matches(iid) || Iids.IPluginBase.Matches(iid) || Iids.IComponent.Matches(iid)) return ComponentSlot;
        if (Iids.IAudioProcessor.Matches(iid)) return ProcessorSlot;
        if (Iids.IConnectionPoint.Matches(iid)) return ConnectionSlot;
        if (Iids.IProcessContextRequirements.Matches(iid)) return ContextRequirementsSlot;
        return -1;
    }

    public void SetActive(bool active)
    {
        if (active == IsActive) return;
        if (active) Processor.ResetTiming();
        if (active) _connection.Start();
        else _connection.Stop();
        IsActive = active;
    }

    public void Terminate()
    {
        Unpair();
        SetActive(false);
        void* peer = Peer;
        Peer = null;
        NativeCalls.Release(peer);
    }

    public void Dispose() => _connection.Dispose();

    protected override void OnFinalRelease()
    {
        Terminate();
        Dispose();
    }
}
