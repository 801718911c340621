namespace HapticShm.Cli.Wav;

/// <summary>A 32-bit float WAV file read back: header fields and planar samples.</summary>
/// <param name="FormatTag">0xFFFE (extensible) or 3 (plain IEEE float).</param>
/// <param name="SubFormat">The extensible subformat, <see cref="Guid.Empty"/> for a plain float file.</param>
/// <param name="ChannelMask">dwChannelMask of an extensible file, else 0.</param>
/// <param name="Channels">One array per channel, <see cref="FrameCount"/> samples each.</param>
public sealed record WavContents(
    int SampleRate, int ChannelCount, ushort FormatTag, Guid SubFormat, uint ChannelMask,
    int BlockAlign, int BitsPerSample, float[][] Channels)
{
    /// <summary>Samples per channel.</summary>
    public int FrameCount => Channels.Length == 0 ? 0 : Channels[0].Length;

    /// <summary>Length in seconds.</summary>
    public double DurationSeconds => (double)FrameCount / SampleRate;
}
