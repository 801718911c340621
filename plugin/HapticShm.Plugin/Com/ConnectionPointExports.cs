using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Com;

/// <summary>IConnectionPoint for the component and the controller. connect/disconnect keep a
/// counted reference to the peer; connect also sends the peer a <see cref="PairingMessage"/> so the
/// two halves of one instance find each other in-process (the editor reads the processor's
/// connection and asks it for test pulses), directly or through a host's proxy. The processor
/// state reaches the controller through setComponentState; any other message answers kResultFalse.</summary>
internal static unsafe class ConnectionPointExports
{
    public static readonly IConnectionPointVtbl* Vtbl = CreateVtbl();

    private static IConnectionPointVtbl* CreateVtbl()
    {
        var vtbl = (IConnectionPointVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IConnectionPointVtbl));
        UnknownExports.Fill((FUnknownVtbl*)vtbl);
        vtbl->connect = &Connect;
        vtbl->disconnect = &Disconnect;
        vtbl->notify = &Notify;
        return vtbl;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int Connect(void* self, void* other)
    {
        if (other == null) return VstResult.kInvalidArgument;
        try
        {
            var connectable = (IConnectable)ComObject.From<ComObject>(self);
            if (connectable.Peer != null) return VstResult.kResultFalse;
            NativeCalls.AddRef(other);
            connectable.Peer = other;
            PairingMessage.Send((ComObject)connectable, other); // a proxy not wired yet drops it: the other side's connect pairs
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int Disconnect(void* self, void* other)
    {
        try
        {
            var connectable = (IConnectable)ComObject.From<ComObject>(self);
            if (connectable.Peer == null || connectable.Peer != other) return VstResult.kResultFalse;
            connectable.Peer = null;
            connectable.Unpair();
            NativeCalls.Release(other);
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int Notify(void* self, void* message)
    {
        if (message == null) return VstResult.kInvalidArgument;
        try
        {
            if (PairingMessage.SenderOf(message) is not ComObject sender) return VstResult.kResultFalse;
            return ((IConnectable)ComObject.From<ComObject>(self)).AcceptPairing(sender) ? VstResult.kResultOk : VstResult.kResultFalse;
        }
        catch { return VstResult.kInternalError; }
    }
}
