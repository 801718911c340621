namespace HapticShm.Plugin.Interop;

/// <summary>Steinberg::Vst::ProcessContext (ivstprocesscontext.h), natural alignment (112 bytes
/// on Linux x64). Only the fields we read are used; the rest keep the layout.</summary>
internal struct ProcessContext
{
    public const uint kPlaying = 1 << 1;
    public const uint kSystemTimeValid = 1 << 8;
    public const uint kProjectTimeMusicValid = 1 << 9;
    public const uint kContTimeValid = 1 << 17;

    public uint state;
    public double sampleRate;
    public long projectTimeSamples;
    public long systemTime;
    public long continousTimeSamples;
    public double projectTimeMusic;
    public double barPositionMusic;
    public double cycleStartMusic;
    public double cycleEndMusic;
    public double tempo;
    public int timeSigNumerator;
    public int timeSigDenominator;
    public int chord; // Chord: keyNote, rootNote (uint8), chordMask (int16)
    public int smpteOffsetSubframes;
    public uint frameRateFramesPerSecond;
    public uint frameRateFlags;
    public int samplesToNextClock;
}
