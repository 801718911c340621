using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Com;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Tests.Host;

/// <summary>The host's IParamValueQueue: the points of one parameter in one block.</summary>
internal sealed unsafe class TestParamValueQueue : ComObject
{
    private static readonly IParamValueQueueVtbl* Vtbl = CreateVtbl();

    public TestParamValueQueue(uint id) : base([(nint)Vtbl]) => Id = id;

    public uint Id { get; }

    public List<(int Offset, double Value)> Points { get; } = [];

    public void* Pointer => Interface(0);

    protected override int FindSlot(void* iid) => Iids.FUnknown.Matches(iid) || Iids.IParamValueQueue.Matches(iid) ? 0 : -1;

    private static IParamValueQueueVtbl* CreateVtbl()
    {
        var vtbl = (IParamValueQueueVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IParamValueQueueVtbl));
        UnknownExports.Fill((FUnknownVtbl*)vtbl);
        vtbl->getParameterId = &GetParameterId;
        vtbl->getPointCount = &GetPointCount;
        vtbl->getPoint = &GetPoint;
        vtbl->addPoint = &AddPoint;
        return vtbl;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static uint GetParameterId(void* self) => From<TestParamValueQueue>(self).Id;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetPointCount(void* self) => From<TestParamValueQueue>(self).Points.Count;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetPoint(void* self, int index, int* offset, double* value)
    {
        var points = From<TestParamValueQueue>(self).Points;
        if ((uint)index >= (uint)points.Count) return VstResult.kInvalidArgument;
        (*offset, *value) = points[index];
        return VstResult.kResultOk;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int AddPoint(void* self, int offset, double value, int* index)
    {
        var points = From<TestParamValueQueue>(self).Points;
        points.Add((offset, value));
        *index = points.Count - 1;
        return VstResult.kResultOk;
    }
}
