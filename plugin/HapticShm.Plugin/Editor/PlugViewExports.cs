using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Com;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Editor;

/// <summary>IPlugView and IPlugViewContentScaleSupport entries of <see cref="HapticPlugView"/>.
/// No exception leaves them.</summary>
internal static unsafe class PlugViewExports
{
    public static readonly IPlugViewVtbl* ViewVtbl = CreateViewVtbl();
    public static readonly IPlugViewContentScaleSupportVtbl* ScaleVtbl = CreateScaleVtbl();

    private static IPlugViewVtbl* CreateViewVtbl()
    {
        var vtbl = (IPlugViewVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IPlugViewVtbl));
        UnknownExports.Fill(&vtbl->Unknown);
        vtbl->isPlatformTypeSupported = &IsPlatformTypeSupported;
        vtbl->attached = &Attached;
        vtbl->removed = &Removed;
        vtbl->onWheel = &OnWheel;
        vtbl->onKeyDown = &OnKey;
        vtbl->onKeyUp = &OnKey;
        vtbl->getSize = &GetSize;
        vtbl->onSize = &OnSize;
        vtbl->onFocus = &OnFocus;
        vtbl->setFrame = &SetFrame;
        vtbl->canResize = &CanResize;
        vtbl->checkSizeConstraint = &CheckSizeConstraint;
        return vtbl;
    }

    private static IPlugViewContentScaleSupportVtbl* CreateScaleVtbl()
    {
        var vtbl = (IPlugViewContentScaleSupportVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IPlugViewContentScaleSupportVtbl));
        UnknownExports.Fill(&vtbl->Unknown);
        vtbl->setContentScaleFactor = &SetContentScaleFactor;
        return vtbl;
    }

    private static HapticPlugView Get(void* self) => ComObject.From<HapticPlugView>(self);

    private static string? Text(byte* type) => type == null ? null : Marshal.PtrToStringUTF8((nint)type);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int IsPlatformTypeSupported(void* self, byte* type)
    {
        try { return Text(type) is string t && HapticPlugView.IsPlatformTypeSupported(t) ? VstResult.kResultTrue : VstResult.kResultFalse; }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int Attached(void* self, void* parent, byte* type)
    {
        try { return Text(type) is string t && Get(self).Attach(parent, t) ? VstResult.kResultOk : VstResult.kResultFalse; }
        catch { return VstResult.kResultFalse; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int Removed(void* self)
    {
        try
        {
            Get(self).Remove();
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int OnWheel(void* self, float distance) => VstResult.kResultFalse;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int OnKey(void* self, ushort key, short keyCode, short modifiers) => VstResult.kResultFalse;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetSize(void* self, ViewRect* size)
    {
        if (size == null) return VstResult.kInvalidArgument;
        try
        {
            HapticPlugView view = Get(self);
            *size = new ViewRect { right = view.Width, bottom = view.Height };
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int OnSize(void* self, ViewRect* size)
    {
        if (size == null) return VstResult.kInvalidArgument;
        try
        {
            Get(self).Resize(size->Width, size->Height);
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int OnFocus(void* self, byte state) => VstResult.kResultOk;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int SetFrame(void* self, void* frame)
    {
        try
        {
            Get(self).SetFrame(frame);
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int CanResize(void* self) => VstResult.kResultTrue;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int CheckSizeConstraint(void* self, ViewRect* rect)
    {
        if (rect == null) return VstResult.kInvalidArgument;
        try
        {
            (int width, int height) = Get(self).Constrain(rect->Width, rect->Height);
            rect->right = rect->left + width;
            rect->bottom = rect->top + height;
            return VstResult.kResultTrue;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int SetContentScaleFactor(void* self, float factor)
    {
        try
        {
            Get(self).SetScale(factor);
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }
}
