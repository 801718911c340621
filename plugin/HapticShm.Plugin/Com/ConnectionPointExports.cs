using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Com;

/// <summary>IConnectionPoint for the component and the controller. They exchange no messages
/// yet (the processor state reaches the controller through setComponentState), so notify
/// answers kResultFalse; connect/disconnect keep a counted reference to the peer.</summary>
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
            NativeCalls.Release(other);
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int Notify(void* self, void* message) => message == null ? VstResult.kInvalidArgument : VstResult.kResultFalse;
}
