using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Com;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Component;

/// <summary>IAudioProcessor entries of <see cref="HapticComponent"/>.</summary>
internal static unsafe class AudioProcessorExports
{
    public static readonly IAudioProcessorVtbl* Vtbl = CreateVtbl();

    private static IAudioProcessorVtbl* CreateVtbl()
    {
        var vtbl = (IAudioProcessorVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IAudioProcessorVtbl));
        UnknownExports.Fill((FUnknownVtbl*)vtbl);
        vtbl->setBusArrangements = &SetBusArrangements;
        vtbl->getBusArrangement = &GetBusArrangement;
        vtbl->canProcessSampleSize = &CanProcessSampleSize;
        vtbl->getLatencySamples = &GetLatencySamples;
        vtbl->setupProcessing = &SetupProcessing;
        vtbl->setProcessing = &SetProcessing;
        vtbl->process = &Process;
        vtbl->getTailSamples = &GetTailSamples;
        return vtbl;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int SetBusArrangements(void* self, ulong* inputs, int numIns, ulong* outputs, int numOuts) =>
        numIns == 0 && numOuts == 1 && outputs != null && outputs[0] == HapticComponent.kStereo ? VstResult.kResultOk : VstResult.kResultFalse;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetBusArrangement(void* self, int direction, int index, ulong* arrangement)
    {
        if (arrangement == null || direction != ComponentExports.kOutput || index != 0) return VstResult.kInvalidArgument;
        *arrangement = HapticComponent.kStereo;
        return VstResult.kResultOk;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int CanProcessSampleSize(void* self, int symbolicSampleSize) =>
        symbolicSampleSize is ProcessData.kSample32 or ProcessData.kSample64 ? VstResult.kResultTrue : VstResult.kResultFalse;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static uint GetLatencySamples(void* self) => 0;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int SetupProcessing(void* self, ProcessSetup* setup)
    {
        if (setup == null) return VstResult.kInvalidArgument;
        try
        {
            if (setup->symbolicSampleSize is not (ProcessData.kSample32 or ProcessData.kSample64) || !(setup->sampleRate > 0)) return VstResult.kResultFalse;
            HapticComponent component = ComObject.From<HapticComponent>(self);
            component.SymbolicSampleSize = setup->symbolicSampleSize;
            component.Processor.SetSampleRate(setup->sampleRate);
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int SetProcessing(void* self, byte state)
    {
        try
        {
            ComObject.From<HapticComponent>(self).IsProcessing = state != 0;
            return VstResult.kResultOk;
        }
        catch { return VstResult.kInternalError; }
    }

    /// <remarks>Real-time: no allocation, no lock, no syscall; nothing escapes.</remarks>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int Process(void* self, ProcessData* data)
    {
        if (data == null) return VstResult.kInvalidArgument;
        try
        {
            return ComObject.From<HapticComponent>(self).Process(data);
        }
        catch { return VstResult.kInternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static uint GetTailSamples(void* self) => 0; // kNoTail
}
