using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Com;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Component;

/// <summary>IComponent (and IPluginBase) entries of <see cref="HapticComponent"/>. Every entry
/// catches and returns a result code: no exception crosses into the host.</summary>
internal static unsafe class ComponentExports
{
    public const int kAudio = 0;
    public const int kEvent = 1;
    public const int kInput = 0;
    public const int kOutput = 1;
    private const int MaxStateBytes = 1 << 16;

    public static readonly IComponentVtbl* Vtbl = CreateVtbl();

    private static IComponentVtbl* CreateVtbl()
    {
        var vtbl = (IComponentVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IComponentVtbl));
        UnknownExports.Fill((FUnknownVtbl*)vtbl);
        vtbl->initialize = &Initialize;
        vtbl->terminate = &Terminate;
        vtbl->getControllerClassId = &GetControllerClassId;
        vtbl->setIoMode = &SetIoMode;
        vtbl->getBusCount = &GetBusCount;
        vtbl->getBusInfo = &GetBusInfo;
        vtbl->getRoutingInfo = &GetRoutingInfo;
        vtbl->activateBus = &ActivateBus;
        vtbl->setActive = &SetActive;
        vtbl->setState = &SetState;
        vtbl->getState = &GetState;
        return vtbl;
    }

    private static HapticComponent Get(void* self) => ComObject.From<HapticComponent>(self);

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
    private static int GetControllerClassId(void* self, Tuid* classId)
    {
        if (classId == null) return VstResult.kInvalidArgument;
        *classId = ClassIds.Controller;
        return VstResult.kResultOk;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int SetIoMode(void* self, int mode) => VstResult.kResultOk;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetBusCount(void* self, int mediaType, int direction) =>
        (mediaType == kEvent && direction == kInput) || (mediaType == kAudio && direction == kOutput) ? 1 : 0;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetBusInfo(void* self, int mediaType, int direction, int index, BusInfo* bus)
    {
        if (bus == null || index != 0) return VstResult.kInvalidArgument;
        try
        {
            *bus = default;
            bus->mediaType = mediaType;
            bus->direction = direction;
            bus->busType = 0; // kMain
            bus->flags = BusInfo.kDefaultActive;
            if (mediaType == kEvent && direction == kInput)
            {
                bus->channelCount = 16;
                FixedStrings.Utf16("MIDI/MPE In", bus->name, 128);
                return VstResult.kResultOk;
            }
            if (mediaType == kAudio && direction == kOutput)
            {
                bus->channelCount = 2;
                FixedStrings.Utf16("Silent Out", bus->name, 128);
                return VstResult.kResultOk;
            }
            return VstResult.kInvalidArgument;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetRoutingInfo(void* self, void* inInfo, void* outInfo) => VstResult.kNotImplemented;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int ActivateBus(void* self, int mediaType, int direction, int index, byte state) =>
        index == 0 ? VstResult.kResultOk : VstResult.kInvalidArgument;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int SetActive(void* self, byte state)
    {
        try
        {
            Get(self).SetActive(state != 0);
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int SetState(void* self, void* stream)
    {
        if (stream == null) return VstResult.kInvalidArgument;
        try
        {
            byte[] bytes = NativeCalls.ReadAll(stream, MaxStateBytes);
            return Get(self).Processor.LoadState(bytes) ? VstResult.kResultOk : VstResult.kResultFalse;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetState(void* self, void* stream)
    {
        if (stream == null) return VstResult.kInvalidArgument;
        try
        {
            return NativeCalls.WriteAll(stream, Get(self).Processor.SaveState()) ? VstResult.kResultOk : VstResult.kResultFalse;
        }
        catch { return VstResult.kInternalError; }
    }
}
