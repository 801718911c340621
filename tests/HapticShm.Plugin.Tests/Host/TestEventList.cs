using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Com;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Tests.Host;

/// <summary>The host's IEventList for one process call.</summary>
internal sealed unsafe class TestEventList : ComObject
{
    private static readonly IEventListVtbl* Vtbl = CreateVtbl();

    public TestEventList() : base([(nint)Vtbl])
    {
    }

    public List<Event> Events { get; } = [];

    /// <summary>Milliseconds getEventCount sleeps before answering: a host whose audio thread
    /// stalls inside process() (0: answers at once).</summary>
    public int StallMs { get; set; }

    /// <summary>Set when getEventCount is entered (the plugin is inside its block).</summary>
    public ManualResetEventSlim Entered { get; } = new();

    public void* Pointer => Interface(0);

    protected override int FindSlot(void* iid) => Iids.FUnknown.Matches(iid) || Iids.IEventList.Matches(iid) ? 0 : -1;

    public void NoteOn(int offset, int channel, int pitch, float velocity, int noteId) =>
        Events.Add(new Event { sampleOffset = offset, type = Event.kNoteOnEvent, noteOn = new NoteOnEvent { channel = (short)channel, pitch = (short)pitch, velocity = velocity, noteId = noteId } });

    public void NoteOff(int offset, int channel, int pitch, int noteId) =>
        Events.Add(new Event { sampleOffset = offset, type = Event.kNoteOffEvent, noteOff = new NoteOffEvent { channel = (short)channel, pitch = (short)pitch, noteId = noteId } });

    public void PolyPressure(int offset, int channel, int pitch, float pressure, int noteId) =>
        Events.Add(new Event { sampleOffset = offset, type = Event.kPolyPressureEvent, polyPressure = new PolyPressureEvent { channel = (short)channel, pitch = (short)pitch, pressure = pressure, noteId = noteId } });

    public void Expression(int offset, uint typeId, int noteId, double value) =>
        Events.Add(new Event { sampleOffset = offset, type = Event.kNoteExpressionValueEvent, noteExpressionValue = new NoteExpressionValueEvent { typeId = typeId, noteId = noteId, value = value } });

    private static IEventListVtbl* CreateVtbl()
    {
        var vtbl = (IEventListVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IEventListVtbl));
        UnknownExports.Fill((FUnknownVtbl*)vtbl);
        vtbl->getEventCount = &GetEventCount;
        vtbl->getEvent = &GetEvent;
        vtbl->addEvent = &AddEvent;
        return vtbl;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetEventCount(void* self)
    {
        TestEventList list = From<TestEventList>(self);
        list.Entered.Set();
        if (list.StallMs > 0) Thread.Sleep(list.StallMs);
        return list.Events.Count;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetEvent(void* self, int index, Event* e)
    {
        List<Event> events = From<TestEventList>(self).Events;
        if ((uint)index >= (uint)events.Count) return VstResult.kInvalidArgument;
        *e = events[index];
        return VstResult.kResultOk;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int AddEvent(void* self, Event* e)
    {
        From<TestEventList>(self).Events.Add(*e);
        return VstResult.kResultOk;
    }
}
