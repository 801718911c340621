using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Com;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Component;

/// <summary>IProcessContextRequirements of <see cref="HapticComponent"/>: the ProcessContext
/// fields the block clock and the transport watch read, and nothing else.</summary>
internal static unsafe class ProcessContextRequirementsExports
{
    public const uint kNeedSystemTime = 1 << 0;
    public const uint kNeedContinousTimeSamples = 1 << 1;
    public const uint kNeedTransportState = 1 << 10;

    /// <summary>System time and continuous time feed the clock; the transport state (kPlaying)
    /// tells a stop. projectTimeSamples (loop wraps, locates) is always valid.</summary>
    public const uint Requirements = kNeedSystemTime | kNeedContinousTimeSamples | kNeedTransportState;

    public static readonly IProcessContextRequirementsVtbl* Vtbl = CreateVtbl();

    private static IProcessContextRequirementsVtbl* CreateVtbl()
    {
        var vtbl = (IProcessContextRequirementsVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IProcessContextRequirementsVtbl));
        UnknownExports.Fill((FUnknownVtbl*)vtbl);
        vtbl->getProcessContextRequirements = &GetProcessContextRequirements;
        return vtbl;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static uint GetProcessContextRequirements(void* self) => Requirements;
}
