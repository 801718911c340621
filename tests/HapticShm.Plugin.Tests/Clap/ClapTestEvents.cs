using System.Runtime.InteropServices;
using HapticShm.Plugin.Clap.Interop;

namespace HapticShm.Plugin.Tests.Clap;

/// <summary>A clap_input_events_t over events the test adds (native memory, sorted by the test),
/// and a clap_output_events_t that counts what the plugin pushes.</summary>
internal sealed unsafe class ClapTestEvents : IDisposable
{
    private const int Capacity = 1 << 16;
    private readonly byte* _arena = (byte*)NativeMemory.AllocZeroed(Capacity);
    private readonly List<int> _offsets = [];
    private int _used;
    private GCHandle _self;

    public ClapTestEvents()
    {
        _self = GCHandle.Alloc(this);
        Input = (ClapInputEvents*)NativeMemory.AllocZeroed((nuint)sizeof(ClapInputEvents));
        Input->Ctx = (void*)GCHandle.ToIntPtr(_self);
        Input->Size = &Size;
        Input->Get = &Get;
        Output = (ClapOutputEvents*)NativeMemory.AllocZeroed((nuint)sizeof(ClapOutputEvents));
        Output->Ctx = (void*)GCHandle.ToIntPtr(_self);
        Output->TryPush = &TryPush;
    }

    public ClapInputEvents* Input { get; }

    public ClapOutputEvents* Output { get; }

    /// <summary>Events the plugin pushed to the host.</summary>
    public int Pushed { get; private set; }

    /// <summary>Parameter events the plugin pushed (gesture begin / value / gesture end), in order;
    /// Value is NaN for a gesture.</summary>
    public List<(ushort Type, uint ParamId, double Value)> PushedParams { get; } = [];

    public int Count => _offsets.Count;

    public void Clear()
    {
        _offsets.Clear();
        _used = 0;
    }

    public void Add<T>(T e) where T : unmanaged
    {
        int size = (sizeof(T) + 7) & ~7;
        if (_used + size > Capacity) throw new InvalidOperationException("event arena full");
        *(T*)(_arena + _used) = e;
        _offsets.Add(_used);
        _used += size;
    }

    public void NoteOn(uint time, int noteId, int channel, int key, double velocity) =>
        Add(Note(ClapEventHeader.NoteOn, time, noteId, channel, key, velocity));

    public void NoteOff(uint time, int noteId, int channel, int key) =>
        Add(Note(ClapEventHeader.NoteOff, time, noteId, channel, key, 0));

    public void NoteChoke(uint time, int noteId, int channel, int key) =>
        Add(Note(ClapEventHeader.NoteChoke, time, noteId, channel, key, 0));

    public void Expression(uint time, int expressionId, int noteId, int channel, int key, double value) =>
        Add(new ClapEventNoteExpression
        {
            Header = ClapEventHeader.Of<ClapEventNoteExpression>(ClapEventHeader.NoteExpression, time),
            ExpressionId = expressionId, NoteId = noteId, PortIndex = 0, Channel = (short)channel, Key = (short)key, Value = value,
        });

    public void ParamValue(uint time, uint id, double plain) =>
        Add(new ClapEventParamValue
        {
            Header = ClapEventHeader.Of<ClapEventParamValue>(ClapEventHeader.ParamValue, time),
            ParamId = id, NoteId = -1, PortIndex = -1, Channel = -1, Key = -1, Value = plain,
        });

    public void Midi(uint time, byte status, byte data1, byte data2) =>
        Add(new ClapEventMidi { Header = ClapEventHeader.Of<ClapEventMidi>(ClapEventHeader.Midi, time), PortIndex = 0, Status = status, Data1 = data1, Data2 = data2 });

    private static ClapEventNote Note(ushort type, uint time, int noteId, int channel, int key, double velocity) => new()
    {
        Header = ClapEventHeader.Of<ClapEventNote>(type, time),
        NoteId = noteId, PortIndex = 0, Channel = (short)channel, Key = (short)key, Velocity = velocity,
    };

    private static ClapTestEvents Of(void* ctx) => (ClapTestEvents)GCHandle.FromIntPtr((nint)ctx).Target!;

    [UnmanagedCallersOnly]
    private static uint Size(ClapInputEvents* list) => (uint)Of(list->Ctx)._offsets.Count;

    [UnmanagedCallersOnly]
    private static ClapEventHeader* Get(ClapInputEvents* list, uint index)
    {
        ClapTestEvents self = Of(list->Ctx);
        return index < self._offsets.Count ? (ClapEventHeader*)(self._arena + self._offsets[(int)index]) : null;
    }

    [UnmanagedCallersOnly]
    private static byte TryPush(ClapOutputEvents* list, ClapEventHeader* e)
    {
        ClapTestEvents self = Of(list->Ctx);
        self.Pushed++;
        if (e->SpaceId != ClapEventHeader.CoreEventSpace) return 1;
        if (e->Type == ClapEventHeader.ParamValue && e->Size >= sizeof(ClapEventParamValue))
            self.PushedParams.Add((e->Type, ((ClapEventParamValue*)e)->ParamId, ((ClapEventParamValue*)e)->Value));
        else if (e->Type is ClapEventHeader.ParamGestureBegin or ClapEventHeader.ParamGestureEnd && e->Size >= sizeof(ClapEventParamGesture))
            self.PushedParams.Add((e->Type, ((ClapEventParamGesture*)e)->ParamId, double.NaN));
        return 1;
    }

    public void Dispose()
    {
        if (!_self.IsAllocated) return;
        _self.Free();
        NativeMemory.Free(_arena);
        NativeMemory.Free(Input);
        NativeMemory.Free(Output);
    }
}
