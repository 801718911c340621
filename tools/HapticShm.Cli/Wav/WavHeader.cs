namespace HapticShm.Cli.Wav;

/// <summary>What a 32-bit float WAV file's header says: the format and where its samples are.</summary>
/// <param name="FormatTag">0xFFFE (extensible) or 3 (plain IEEE float).</param>
/// <param name="SubFormat">The extensible subformat, <see cref="Guid.Empty"/> for a plain float file.</param>
/// <param name="ChannelMask">dwChannelMask of an extensible file, else 0.</param>
/// <param name="DataOffset">Byte offset of the first sample.</param>
/// <param name="FrameCount">Samples per channel in the data chunk.</param>
/// <param name="IsRf64">True for an RF64 file (sizes in its ds64 chunk).</param>
public sealed record WavHeader(
    int SampleRate, int ChannelCount, ushort FormatTag, Guid SubFormat, uint ChannelMask,
    int BlockAlign, int BitsPerSample, long DataOffset, long FrameCount, bool IsRf64);
