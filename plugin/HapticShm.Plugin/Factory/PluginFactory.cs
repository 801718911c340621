using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Com;
using HapticShm.Plugin.Component;
using HapticShm.Plugin.Controller;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Factory;

/// <summary>IPluginFactory3 (and 2 and 1): describes our classes and creates them.</summary>
internal sealed unsafe class PluginFactory : ComObject
{
    private static readonly IPluginFactory3Vtbl* Vtbl = CreateVtbl();

    public PluginFactory() : base([(nint)Vtbl])
    {
    }

    protected override int FindSlot(void* iid) =>
        Iids.FUnknown.Matches(iid) || Iids.IPluginFactory.Matches(iid) || Iids.IPluginFactory2.Matches(iid) || Iids.IPluginFactory3.Matches(iid) ? 0 : -1;

    private static IPluginFactory3Vtbl* CreateVtbl()
    {
        var vtbl = (IPluginFactory3Vtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IPluginFactory3Vtbl));
        UnknownExports.Fill((FUnknownVtbl*)vtbl);
        vtbl->getFactoryInfo = &GetFactoryInfo;
        vtbl->countClasses = &CountClasses;
        vtbl->getClassInfo = &GetClassInfo;
        vtbl->createInstance = &CreateInstance;
        vtbl->getClassInfo2 = &GetClassInfo2;
        vtbl->getClassInfoUnicode = &GetClassInfoUnicode;
        vtbl->setHostContext = &SetHostContext;
        return vtbl;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetFactoryInfo(void* self, PFactoryInfo* info)
    {
        if (info == null) return VstResult.kInvalidArgument;
        try
        {
            *info = default;
            FixedStrings.Utf8(PluginClasses.Vendor, info->vendor, 64);
            FixedStrings.Utf8(PluginClasses.Url, info->url, 256);
            FixedStrings.Utf8(PluginClasses.Email, info->email, 128);
            info->flags = PFactoryInfo.kUnicode;
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int CountClasses(void* self) => PluginClasses.Count;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetClassInfo(void* self, int index, PClassInfo* info)
    {
        if (info == null || (uint)index >= (uint)PluginClasses.Count) return VstResult.kInvalidArgument;
        try
        {
            var (cid, category, name, _) = PluginClasses.Get(index);
            *info = default;
            info->cid = cid;
            info->cardinality = PClassInfo.kManyInstances;
            FixedStrings.Utf8(category, info->category, 32);
            FixedStrings.Utf8(name, info->name, 64);
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetClassInfo2(void* self, int index, PClassInfo2* info)
    {
        if (info == null || (uint)index >= (uint)PluginClasses.Count) return VstResult.kInvalidArgument;
        try
        {
            var (cid, category, name, subCategories) = PluginClasses.Get(index);
            *info = default;
            info->cid = cid;
            info->cardinality = PClassInfo.kManyInstances;
            FixedStrings.Utf8(category, info->category, 32);
            FixedStrings.Utf8(name, info->name, 64);
            FixedStrings.Utf8(subCategories, info->subCategories, 128);
            FixedStrings.Utf8(PluginClasses.Vendor, info->vendor, 64);
            FixedStrings.Utf8(PluginClasses.Version, info->version, 64);
            FixedStrings.Utf8(PluginClasses.SdkVersion, info->sdkVersion, 64);
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetClassInfoUnicode(void* self, int index, PClassInfoW* info)
    {
        if (info == null || (uint)index >= (uint)PluginClasses.Count) return VstResult.kInvalidArgument;
        try
        {
            var (cid, category, name, subCategories) = PluginClasses.Get(index);
            *info = default;
            info->cid = cid;
            info->cardinality = PClassInfo.kManyInstances;
            FixedStrings.Utf8(category, info->category, 32);
            FixedStrings.Utf16(name, info->name, 64);
            FixedStrings.Utf8(subCategories, info->subCategories, 128);
            FixedStrings.Utf16(PluginClasses.Vendor, info->vendor, 64);
            FixedStrings.Utf16(PluginClasses.Version, info->version, 64);
            FixedStrings.Utf16(PluginClasses.SdkVersion, info->sdkVersion, 64);
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int CreateInstance(void* self, byte* cid, byte* iid, void** result)
    {
        if (result == null) return VstResult.kInvalidArgument;
        *result = null;
        try
        {
            ComObject instance;
            if (ClassIds.Processor.Matches(cid)) instance = new HapticComponent();
            else if (ClassIds.Controller.Matches(cid)) instance = new HapticController();
            else return VstResult.kNoInterface;
            int status = instance.QueryInterface(iid, result);
            instance.Release(); // the caller's reference is the one queryInterface added
            return status;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int SetHostContext(void* self, void* context) => VstResult.kResultOk;
}
