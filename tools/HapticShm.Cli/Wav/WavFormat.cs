namespace HapticShm.Cli.Wav;

/// <summary>Constants of the WAVE_FORMAT_EXTENSIBLE 32-bit float layout we write and read.</summary>
public static class WavFormat
{
    /// <summary>wFormatTag of WAVE_FORMAT_EXTENSIBLE.</summary>
    public const ushort WAVE_FORMAT_EXTENSIBLE = 0xFFFE;

    /// <summary>wFormatTag of plain WAVE_FORMAT_IEEE_FLOAT (accepted by the reader).</summary>
    public const ushort WAVE_FORMAT_IEEE_FLOAT = 0x0003;

    /// <summary>KSDATAFORMAT_SUBTYPE_IEEE_FLOAT {00000003-0000-0010-8000-00AA00389B71}.</summary>
    public static readonly Guid KSDATAFORMAT_SUBTYPE_IEEE_FLOAT = new("00000003-0000-0010-8000-00aa00389b71");

    /// <summary>Size of the extensible fmt chunk body.</summary>
    public const int FmtChunkSize = 40;

    /// <summary>Bytes of one sample.</summary>
    public const int BytesPerSample = 4;

    /// <summary>Channel masks name speaker positions for the first 18 channels only.</summary>
    public const int MaxMaskedChannels = 18;

    /// <summary>Offset of the first sample in files this writer produces (RIFF, fmt, fact, data headers).</summary>
    public const int DataOffset = 80;

    /// <summary>The dwChannelMask we write: the first N speaker bits, or 0 (no positions) above 18 channels.</summary>
    public static uint ChannelMaskFor(int channelCount) =>
        channelCount > MaxMaskedChannels ? 0u : (uint)((1L << channelCount) - 1);
}
