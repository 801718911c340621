using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Com;

/// <summary>The FUnknown entries shared by every vtable we build. No exception leaves them.</summary>
internal static unsafe class UnknownExports
{
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    public static int QueryInterface(void* self, void* iid, void** result)
    {
        try { return ComObject.From<ComObject>(self).QueryInterface(iid, result); }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    public static uint AddRef(void* self)
    {
        try { return ComObject.From<ComObject>(self).AddRef(); }
        catch { return 0; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    public static uint Release(void* self)
    {
        try { return ComObject.From<ComObject>(self).Release(); }
        catch { return 0; }
    }

    /// <summary>Fills the three FUnknown entries at the start of any vtable.</summary>
    public static void Fill(FUnknownVtbl* vtbl)
    {
        vtbl->queryInterface = &QueryInterface;
        vtbl->addRef = &AddRef;
        vtbl->release = &Release;
    }
}
