namespace HapticShm.Plugin.Interop;

/// <summary>Steinberg::Vst::AudioBusBuffers: channelBuffers is Sample32** or Sample64** depending
/// on ProcessData.symbolicSampleSize.</summary>
internal unsafe struct AudioBusBuffers
{
    public int numChannels;
    public ulong silenceFlags;
    public void** channelBuffers;
}
