namespace HapticShm.Cli.Wav;

/// <summary>Constants of the WAVE_FORMAT_EXTENSIBLE 32-bit float layout we write and read, and of
/// its RF64 form (EBU Tech 3306) for data past 4 GiB.</summary>
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

    /// <summary>Size of a ds64 chunk body with an empty table: RIFF size, data size, sample count
    /// (64 bits each) and the table length. The writer reserves it as a JUNK chunk.</summary>
    public const int Ds64ChunkSize = 28;

    /// <summary>The 32-bit size fields of an RF64 file hold this; the real sizes are in ds64.</summary>
    public const uint Rf64SizePlaceholder = uint.MaxValue;

    /// <summary>Bytes of one sample.</summary>
    public const int BytesPerSample = 4;

    /// <summary>Channel masks name speaker positions for the first 18 channels only.</summary>
    public const int MaxMaskedChannels = 18;

    /// <summary>Offset of the JUNK (or ds64) chunk header in files this writer produces.</summary>
    public const int Ds64Offset = 12;

    /// <summary>Offset of the fmt chunk body in files this writer produces.</summary>
    public const int FmtBodyOffset = Ds64Offset + 8 + Ds64ChunkSize + 8;

    /// <summary>Offset of the fact chunk header in files this writer produces.</summary>
    public const int FactOffset = FmtBodyOffset + FmtChunkSize;

    /// <summary>Offset of the first sample in files this writer produces (RIFF, JUNK/ds64, fmt, fact, data headers).</summary>
    public const int DataOffset = FactOffset + 12 + 8;

    /// <summary>The largest RIFF size a plain RIFF header can state; a bigger file is written as RF64.</summary>
    public const long MaxRiffSize = uint.MaxValue;

    /// <summary>The dwChannelMask we write: the first N speaker bits, or 0 (no positions) above 18 channels.</summary>
    public static uint ChannelMaskFor(int channelCount) =>
        channelCount > MaxMaskedChannels ? 0u : (uint)((1L << channelCount) - 1);
}
