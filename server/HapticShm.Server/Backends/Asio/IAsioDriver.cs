using System.Runtime.CompilerServices;

namespace HapticShm.Server.Backends.Asio;

/// <summary>
/// The IASIO C++ interface as the driver object lays it out: a pointer to a vtable whose first
/// three slots are IUnknown's. Calls use <c>[MemberFunction]</c>: thiscall on x86, which on x64
/// collapses to the platform convention with <c>this</c> as the first argument. ASIO's C "long"
/// is 32 bits on Windows (LLP64), hence <c>int</c> throughout.
/// </summary>
public unsafe struct IAsioDriver
{
    /// <summary>The object's first word: its vtable.</summary>
    public Vtbl* lpVtbl;

    /// <summary>Function pointers in declaration order of asio.h's IASIO.</summary>
    public struct Vtbl
    {
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, Guid*, void**, int> QueryInterface;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, uint> AddRef;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, uint> Release;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, void*, int> init;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, byte*, void> getDriverName;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, int> getDriverVersion;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, byte*, void> getErrorMessage;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, AsioError> start;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, AsioError> stop;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, int*, int*, AsioError> getChannels;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, int*, int*, AsioError> getLatencies;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, int*, int*, int*, int*, AsioError> getBufferSize;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, double, AsioError> canSampleRate;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, double*, AsioError> getSampleRate;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, double, AsioError> setSampleRate;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, void*, int*, AsioError> getClockSources;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, int, AsioError> setClockSource;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, AsioInt64*, AsioInt64*, AsioError> getSamplePosition;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, AsioChannelInfo*, AsioError> getChannelInfo;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, AsioBufferInfo*, int, int, AsioCallbacks*, AsioError> createBuffers;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, AsioError> disposeBuffers;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, AsioError> controlPanel;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, int, void*, AsioError> future;
        public delegate* unmanaged[MemberFunction]<IAsioDriver*, AsioError> outputReady;
    }

    private IAsioDriver* Self => (IAsioDriver*)Unsafe.AsPointer(ref this);

    public uint Release() => lpVtbl->Release(Self);

    /// <summary>Returns ASIOTrue (1) on success.</summary>
    public int Init(void* sysHandle) => lpVtbl->init(Self, sysHandle);

    public void GetDriverName(byte* name32) => lpVtbl->getDriverName(Self, name32);

    public int GetDriverVersion() => lpVtbl->getDriverVersion(Self);

    public void GetErrorMessage(byte* message124) => lpVtbl->getErrorMessage(Self, message124);

    public AsioError Start() => lpVtbl->start(Self);

    public AsioError Stop() => lpVtbl->stop(Self);

    public AsioError GetChannels(int* inputs, int* outputs) => lpVtbl->getChannels(Self, inputs, outputs);

    public AsioError GetLatencies(int* input, int* output) => lpVtbl->getLatencies(Self, input, output);

    public AsioError GetBufferSize(int* min, int* max, int* preferred, int* granularity) =>
        lpVtbl->getBufferSize(Self, min, max, preferred, granularity);

    public AsioError CanSampleRate(double rate) => lpVtbl->canSampleRate(Self, rate);

    public AsioError GetSampleRate(double* rate) => lpVtbl->getSampleRate(Self, rate);

    public AsioError SetSampleRate(double rate) => lpVtbl->setSampleRate(Self, rate);

    public AsioError GetChannelInfo(AsioChannelInfo* info) => lpVtbl->getChannelInfo(Self, info);

    public AsioError CreateBuffers(AsioBufferInfo* infos, int count, int bufferSize, AsioCallbacks* callbacks) =>
        lpVtbl->createBuffers(Self, infos, count, bufferSize, callbacks);

    public AsioError DisposeBuffers() => lpVtbl->disposeBuffers(Self);

    public AsioError OutputReady() => lpVtbl->outputReady(Self);
}
