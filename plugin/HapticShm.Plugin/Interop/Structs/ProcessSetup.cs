namespace HapticShm.Plugin.Interop;

/// <summary>Steinberg::Vst::ProcessSetup (ivstaudioprocessor.h).</summary>
internal struct ProcessSetup
{
    public int processMode;
    public int symbolicSampleSize;
    public int maxSamplesPerBlock;
    public double sampleRate;
}
