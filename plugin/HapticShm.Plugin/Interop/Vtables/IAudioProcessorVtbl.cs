namespace HapticShm.Plugin.Interop;

/// <summary>Vst::IAudioProcessor.</summary>
internal unsafe struct IAudioProcessorVtbl
{
    public delegate* unmanaged[MemberFunction]<void*, void*, void**, int> queryInterface;
    public delegate* unmanaged[MemberFunction]<void*, uint> addRef;
    public delegate* unmanaged[MemberFunction]<void*, uint> release;
    public delegate* unmanaged[MemberFunction]<void*, ulong*, int, ulong*, int, int> setBusArrangements;
    public delegate* unmanaged[MemberFunction]<void*, int, int, ulong*, int> getBusArrangement;
    public delegate* unmanaged[MemberFunction]<void*, int, int> canProcessSampleSize;
    public delegate* unmanaged[MemberFunction]<void*, uint> getLatencySamples;
    public delegate* unmanaged[MemberFunction]<void*, ProcessSetup*, int> setupProcessing;
    public delegate* unmanaged[MemberFunction]<void*, byte, int> setProcessing;
    public delegate* unmanaged[MemberFunction]<void*, ProcessData*, int> process;
    public delegate* unmanaged[MemberFunction]<void*, uint> getTailSamples;
}
