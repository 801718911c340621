using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Com;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Tests.Host.X11;

/// <summary>The host's IComponentHandler: records every beginEdit / performEdit / endEdit.</summary>
internal sealed unsafe class TestComponentHandler : ComObject
{
    private static readonly IComponentHandlerVtbl* Vtbl = CreateVtbl();

    public TestComponentHandler() : base([(nint)Vtbl])
    {
    }

    public void* Pointer => Interface(0);

    /// <summary>("begin" | "perform" | "end", parameter id, value) in call order.</summary>
    public List<(string Call, uint Id, double Value)> Calls { get; } = [];

    protected override int FindSlot(void* iid) => Iids.FUnknown.Matches(iid) || Iids.IComponentHandler.Matches(iid) ? 0 : -1;

    private static IComponentHandlerVtbl* CreateVtbl()
    {
        var vtbl = (IComponentHandlerVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IComponentHandlerVtbl));
        UnknownExports.Fill(&vtbl->Unknown);
        vtbl->beginEdit = &BeginEdit;
        vtbl->performEdit = &PerformEdit;
        vtbl->endEdit = &EndEdit;
        vtbl->restartComponent = &RestartComponent;
        return vtbl;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int BeginEdit(void* self, uint id)
    {
        From<TestComponentHandler>(self).Calls.Add(("begin", id, double.NaN));
        return VstResult.kResultOk;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int PerformEdit(void* self, uint id, double value)
    {
        From<TestComponentHandler>(self).Calls.Add(("perform", id, value));
        return VstResult.kResultOk;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int EndEdit(void* self, uint id)
    {
        From<TestComponentHandler>(self).Calls.Add(("end", id, double.NaN));
        return VstResult.kResultOk;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int RestartComponent(void* self, int flags) => VstResult.kResultOk;
}
