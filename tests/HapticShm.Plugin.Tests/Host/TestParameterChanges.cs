using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Com;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Tests.Host;

/// <summary>The host's IParameterChanges: one queue per changed parameter.</summary>
internal sealed unsafe class TestParameterChanges : ComObject, IDisposable
{
    private static readonly IParameterChangesVtbl* Vtbl = CreateVtbl();

    public TestParameterChanges() : base([(nint)Vtbl])
    {
    }

    public List<TestParamValueQueue> Queues { get; } = [];

    public void* Pointer => Interface(0);

    protected override int FindSlot(void* iid) => Iids.FUnknown.Matches(iid) || Iids.IParameterChanges.Matches(iid) ? 0 : -1;

    /// <summary>Adds a point to the queue of <paramref name="id"/> (creating it).</summary>
    public void Add(uint id, int offset, double value)
    {
        TestParamValueQueue? queue = Queues.Find(q => q.Id == id);
        if (queue is null) Queues.Add(queue = new TestParamValueQueue(id));
        queue.Points.Add((offset, value));
    }

    public void Dispose()
    {
        foreach (TestParamValueQueue queue in Queues) queue.Release();
        Queues.Clear();
        Release();
    }

    private static IParameterChangesVtbl* CreateVtbl()
    {
        var vtbl = (IParameterChangesVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IParameterChangesVtbl));
        UnknownExports.Fill((FUnknownVtbl*)vtbl);
        vtbl->getParameterCount = &GetParameterCount;
        vtbl->getParameterData = &GetParameterData;
        vtbl->addParameterData = &AddParameterData;
        return vtbl;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetParameterCount(void* self) => From<TestParameterChanges>(self).Queues.Count;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static void* GetParameterData(void* self, int index)
    {
        var queues = From<TestParameterChanges>(self).Queues;
        return (uint)index < (uint)queues.Count ? queues[index].Pointer : null;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static void* AddParameterData(void* self, uint* id, int* index)
    {
        var changes = From<TestParameterChanges>(self);
        var queue = new TestParamValueQueue(*id);
        changes.Queues.Add(queue);
        *index = changes.Queues.Count - 1;
        return queue.Pointer;
    }
}
