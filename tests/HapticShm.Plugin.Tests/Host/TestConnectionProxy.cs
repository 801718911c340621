using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Com;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Tests.Host;

/// <summary>
/// A host's IConnectionPoint proxy between component and controller, as the SDK's hosting helpers
/// (PlugProvider's ConnectionProxy) put one: the plugin is connected to the proxy, never to its
/// other half, and notify() is forwarded to the destination unchanged.
/// </summary>
internal sealed unsafe class TestConnectionProxy : ComObject
{
    private static readonly IConnectionPointVtbl* Vtbl = CreateVtbl();
    private readonly void* _source;
    private void* _destination;

    /// <param name="source">The plugin's connection point this proxy stands in front of.</param>
    public TestConnectionProxy(void* source) : base([(nint)Vtbl]) => _source = source;

    public void* Pointer => Interface(0);

    /// <summary>Connects the source to <paramref name="destination"/> through this proxy (the SDK's order: destination first, then the source's connect).</summary>
    public int Connect(void* destination)
    {
        _destination = destination;
        int result = NativeCalls.Vtbl<IConnectionPointVtbl>(_source)->connect(_source, Pointer);
        if (result != VstResult.kResultOk) _destination = null;
        return result;
    }

    public int Disconnect()
    {
        int result = NativeCalls.Vtbl<IConnectionPointVtbl>(_source)->disconnect(_source, Pointer);
        _destination = null;
        return result;
    }

    protected override int FindSlot(void* iid) => Iids.FUnknown.Matches(iid) || Iids.IConnectionPoint.Matches(iid) ? 0 : -1;

    private static IConnectionPointVtbl* CreateVtbl()
    {
        var vtbl = (IConnectionPointVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IConnectionPointVtbl));
        UnknownExports.Fill((FUnknownVtbl*)vtbl);
        vtbl->connect = &ConnectNative;
        vtbl->disconnect = &DisconnectNative;
        vtbl->notify = &Notify;
        return vtbl;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int ConnectNative(void* self, void* other) => VstResult.kResultFalse;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int DisconnectNative(void* self, void* other) => VstResult.kResultFalse;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int Notify(void* self, void* message)
    {
        void* destination = From<TestConnectionProxy>(self)._destination;
        return destination == null ? VstResult.kResultFalse : NativeCalls.Vtbl<IConnectionPointVtbl>(destination)->notify(destination, message);
    }
}
