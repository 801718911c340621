using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using HapticShm.Server.Backends.Asio;

namespace HapticShm.Asio.Tests;

// The native IASIO vtable of the fake: one [UnmanagedCallersOnly] function per slot, in
// asio.h order, each finding its FakeAsioDriver through the GCHandle stored after the vtable pointer.
internal sealed unsafe partial class FakeAsioDriver
{
    private static readonly IAsioDriver.Vtbl* SharedVtbl = CreateVtbl();

    private static IAsioDriver.Vtbl* CreateVtbl()
    {
        var v = (IAsioDriver.Vtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IAsioDriver.Vtbl)); // lives for the process
        v->QueryInterface = &QueryInterface;
        v->AddRef = &AddRef;
        v->Release = &Release;
        v->init = &Init;
        v->getDriverName = &GetDriverName;
        v->getDriverVersion = &GetDriverVersion;
        v->getErrorMessage = &GetErrorMessage;
        v->start = &Start;
        v->stop = &Stop;
        v->getChannels = &GetChannels;
        v->getLatencies = &GetLatencies;
        v->getBufferSize = &GetBufferSize;
        v->canSampleRate = &CanSampleRate;
        v->getSampleRate = &GetSampleRate;
        v->setSampleRate = &SetSampleRate;
        v->getClockSources = &GetClockSources;
        v->setClockSource = &SetClockSource;
        v->getSamplePosition = &GetSamplePosition;
        v->getChannelInfo = &GetChannelInfo;
        v->createBuffers = &CreateBuffers;
        v->disposeBuffers = &DisposeBuffers;
        v->controlPanel = &ControlPanel;
        v->future = &Future;
        v->outputReady = &OutputReady;
        return v;
    }

    private static FakeAsioDriver Of(IAsioDriver* self) => (FakeAsioDriver)GCHandle.FromIntPtr(((FakeObject*)self)->Self).Target!;

    /// <summary>Channel names the fake reports: "Out 1", "Out 2", ...</summary>
    public static string ChannelName(int channel) => $"Out {channel + 1}";

    private static void WriteAnsi(string text, byte* destination, int capacity)
    {
        int length = Encoding.ASCII.GetBytes(text, new Span<byte>(destination, capacity - 1));
        destination[length] = 0;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int QueryInterface(IAsioDriver* self, Guid* iid, void** result) => unchecked((int)0x80004002);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static uint AddRef(IAsioDriver* self) => 1;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static uint Release(IAsioDriver* self) => 1;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int Init(IAsioDriver* self, void* sysHandle) => 1;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static void GetDriverName(IAsioDriver* self, byte* name) => WriteAnsi("Fake ASIO", name, 32);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetDriverVersion(IAsioDriver* self) => 1;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static void GetErrorMessage(IAsioDriver* self, byte* message) => WriteAnsi("fake error", message, 124);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static AsioError Start(IAsioDriver* self) => (AsioError)Of(self).Start();

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static AsioError Stop(IAsioDriver* self)
    {
        Of(self).StopThread();
        return AsioError.ASE_OK;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static AsioError GetChannels(IAsioDriver* self, int* inputs, int* outputs)
    {
        *inputs = 2;
        *outputs = Of(self).Outputs;
        return AsioError.ASE_OK;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static AsioError GetLatencies(IAsioDriver* self, int* input, int* output)
    {
        *input = 0;
        *output = Of(self).OutputLatency;
        return AsioError.ASE_OK;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static AsioError GetBufferSize(IAsioDriver* self, int* min, int* max, int* preferred, int* granularity)
    {
        FakeAsioDriver fake = Of(self);
        *min = fake.MinBufferSize;
        *max = fake.MaxBufferSize;
        *preferred = fake.PreferredBufferSize;
        *granularity = -1; // powers of two
        return AsioError.ASE_OK;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static AsioError CanSampleRate(IAsioDriver* self, double rate) =>
        rate is 44_100 or 48_000 or 96_000 ? AsioError.ASE_OK : AsioError.ASE_NoClock;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static AsioError GetSampleRate(IAsioDriver* self, double* rate)
    {
        *rate = Of(self).SampleRate;
        return AsioError.ASE_OK;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static AsioError SetSampleRate(IAsioDriver* self, double rate)
    {
        Of(self).SampleRate = rate;
        return AsioError.ASE_OK;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static AsioError GetClockSources(IAsioDriver* self, void* clocks, int* count)
    {
        *count = 0;
        return AsioError.ASE_OK;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static AsioError SetClockSource(IAsioDriver* self, int reference) => AsioError.ASE_OK;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static AsioError GetSamplePosition(IAsioDriver* self, AsioInt64* position, AsioInt64* time) => AsioError.ASE_NotPresent;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static AsioError GetChannelInfo(IAsioDriver* self, AsioChannelInfo* info)
    {
        FakeAsioDriver fake = Of(self);
        if (info->isInput != 0 || (uint)info->channel >= (uint)fake.Outputs) return AsioError.ASE_InvalidParameter;
        info->isActive = 0;
        info->channelGroup = 0;
        info->type = fake.SampleType;
        WriteAnsi(ChannelName(info->channel), info->name, 32);
        return AsioError.ASE_OK;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static AsioError CreateBuffers(IAsioDriver* self, AsioBufferInfo* infos, int count, int size, AsioCallbacks* callbacks) =>
        (AsioError)Of(self).CreateBuffers(infos, count, size, callbacks);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static AsioError DisposeBuffers(IAsioDriver* self) => (AsioError)Of(self).DisposeBuffers();

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static AsioError ControlPanel(IAsioDriver* self) => AsioError.ASE_NotPresent;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static AsioError Future(IAsioDriver* self, int selector, void* opt) => AsioError.ASE_InvalidParameter;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static AsioError OutputReady(IAsioDriver* self)
    {
        FakeAsioDriver fake = Of(self);
        if (!fake.SupportsOutputReady) return AsioError.ASE_NotPresent;
        Interlocked.Increment(ref fake._outputReadyCalls);
        return AsioError.ASE_OK;
    }
}
