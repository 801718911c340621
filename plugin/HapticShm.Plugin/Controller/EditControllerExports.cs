using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Com;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Editor;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Controller;

/// <summary>IEditController (and IPluginBase) entries of <see cref="HapticController"/>.</summary>
internal static unsafe class EditControllerExports
{
    private const int MaxStateBytes = 1 << 16;

    public static readonly IEditControllerVtbl* Vtbl = CreateVtbl();

    private static IEditControllerVtbl* CreateVtbl()
    {
        var vtbl = (IEditControllerVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IEditControllerVtbl));
        UnknownExports.Fill((FUnknownVtbl*)vtbl);
        vtbl->initialize = &Initialize;
        vtbl->terminate = &Terminate;
        vtbl->setComponentState = &SetComponentState;
        vtbl->setState = &SetState;
        vtbl->getState = &GetState;
        vtbl->getParameterCount = &GetParameterCount;
        vtbl->getParameterInfo = &GetParameterInfo;
        vtbl->getParamStringByValue = &GetParamStringByValue;
        vtbl->getParamValueByString = &GetParamValueByString;
        vtbl->normalizedParamToPlain = &NormalizedParamToPlain;
        vtbl->plainParamToNormalized = &PlainParamToNormalized;
        vtbl->getParamNormalized = &GetParamNormalized;
        vtbl->setParamNormalized = &SetParamNormalized;
        vtbl->setComponentHandler = &SetComponentHandler;
        vtbl->createView = &CreateView;
        return vtbl;
    }

    private static HapticController Get(void* self) => ComObject.From<HapticController>(self);

    private static PluginParameter? Find(uint id)
    {
        int index = PluginParameters.IndexOf(id);
        return index >= 0 ? PluginParameters.All[index] : null;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int Initialize(void* self, void* context) => VstResult.kResultOk;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int Terminate(void* self)
    {
        try
        {
            Get(self).Terminate();
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int SetComponentState(void* self, void* stream)
    {
        if (stream == null) return VstResult.kInvalidArgument;
        try
        {
            byte[] bytes = NativeCalls.ReadAll(stream, MaxStateBytes);
            return ParameterState.TryRead(bytes, Get(self).Normalized) ? VstResult.kResultOk : VstResult.kResultFalse;
        }
        catch { return VstResult.kInternalError; }
    }

    // The controller has no state of its own: everything lives in the component's state.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int SetState(void* self, void* stream) => VstResult.kResultOk;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetState(void* self, void* stream) => VstResult.kResultOk;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetParameterCount(void* self) => PluginParameters.All.Count;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetParameterInfo(void* self, int index, ParameterInfo* info)
    {
        if (info == null || (uint)index >= (uint)PluginParameters.All.Count) return VstResult.kInvalidArgument;
        try
        {
            PluginParameter parameter = PluginParameters.All[index];
            *info = default;
            info->id = parameter.Id;
            FixedStrings.Utf16(parameter.Title, info->title, 128);
            FixedStrings.Utf16(parameter.ShortTitle, info->shortTitle, 128);
            FixedStrings.Utf16(parameter.Units, info->units, 128);
            info->stepCount = parameter.StepCount;
            info->defaultNormalizedValue = parameter.DefaultNormalized;
            info->unitId = 0; // kRootUnitId
            info->flags = parameter.IsHidden ? ParameterInfo.kIsHidden
                : parameter.IsBypass ? ParameterInfo.kCanAutomate | ParameterInfo.kIsBypass
                : parameter.StepCount > 0 ? ParameterInfo.kCanAutomate | ParameterInfo.kIsList
                : ParameterInfo.kCanAutomate;
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetParamStringByValue(void* self, uint id, double normalized, char* text)
    {
        if (text == null) return VstResult.kInvalidArgument;
        try
        {
            if (Find(id) is not PluginParameter parameter) return VstResult.kInvalidArgument;
            FixedStrings.Utf16(ParameterText.Format(parameter, normalized), text, 128);
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetParamValueByString(void* self, uint id, char* text, double* normalized)
    {
        if (text == null || normalized == null) return VstResult.kInvalidArgument;
        try
        {
            if (Find(id) is not PluginParameter parameter) return VstResult.kInvalidArgument;
            return ParameterText.TryParse(parameter, FixedStrings.ReadUtf16(text, 128), out *normalized) ? VstResult.kResultOk : VstResult.kResultFalse;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static double NormalizedParamToPlain(void* self, uint id, double normalized)
    {
        try { return Find(id)?.ToPlain(normalized) ?? normalized; }
        catch { return normalized; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static double PlainParamToNormalized(void* self, uint id, double plain)
    {
        try { return Find(id)?.ToNormalized(plain) ?? plain; }
        catch { return 0; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static double GetParamNormalized(void* self, uint id)
    {
        try
        {
            int index = PluginParameters.IndexOf(id);
            return index >= 0 ? Get(self).Normalized[index] : 0;
        }
        catch { return 0; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int SetParamNormalized(void* self, uint id, double value)
    {
        try
        {
            int index = PluginParameters.IndexOf(id);
            if (index < 0 || !double.IsFinite(value)) return VstResult.kInvalidArgument;
            Get(self).Normalized[index] = Math.Clamp(value, 0.0, 1.0);
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int SetComponentHandler(void* self, void* handler)
    {
        try
        {
            Get(self).SetComponentHandler(handler);
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    // kEditor: the editor view. Null when its drawing library or font is not in the bundle
    // (the host then shows its generic parameter list).
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static void* CreateView(void* self, byte* name)
    {
        try
        {
            if (name == null || Marshal.PtrToStringUTF8((nint)name) != "editor") return null;
            if (EditorModule.FontPath() is not string fontPath) return null;
            var view = new HapticPlugView(Get(self), fontPath);
            return view.Interface(HapticPlugView.ViewSlot); // the host's reference
        }
        catch { return null; }
    }
}
