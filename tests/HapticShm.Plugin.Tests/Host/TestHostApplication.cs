using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Com;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Tests.Host;

/// <summary>Vst::IHostApplication vtable (ivsthostapplication.h).</summary>
internal unsafe struct IHostApplicationVtbl
{
    public FUnknownVtbl Unknown;
    public delegate* unmanaged[MemberFunction]<void*, char*, int> getName;
    public delegate* unmanaged[MemberFunction]<void*, Tuid*, Tuid*, void**, int> createInstance;
}

/// <summary>The host context passed to initialize().</summary>
internal sealed unsafe class TestHostApplication : ComObject
{
    private static readonly IHostApplicationVtbl* Vtbl = CreateVtbl();

    public TestHostApplication() : base([(nint)Vtbl])
    {
    }

    public void* Pointer => Interface(0);

    protected override int FindSlot(void* iid) => Iids.FUnknown.Matches(iid) || Iids.IHostApplication.Matches(iid) ? 0 : -1;

    private static IHostApplicationVtbl* CreateVtbl()
    {
        var vtbl = (IHostApplicationVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IHostApplicationVtbl));
        UnknownExports.Fill(&vtbl->Unknown);
        vtbl->getName = &GetName;
        vtbl->createInstance = &CreateInstance;
        return vtbl;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetName(void* self, char* name)
    {
        FixedStrings.Utf16("HapticShm test host", name, 128);
        return VstResult.kResultOk;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int CreateInstance(void* self, Tuid* cid, Tuid* iid, void** result)
    {
        *result = null;
        return VstResult.kNoInterface;
    }
}
