using System.Buffers.Binary;

namespace HapticShm.Plugin.Core.Parameters;

/// <summary>
/// The saved state: the normalized value of every persistent parameter. Format (little endian):
/// magic "HSPS", version, count, then count x (id uint32, normalized float64). Readers skip ids
/// they do not know and keep defaults for ids that are missing, so versions can add parameters.
/// Version 2 gave Routing five values (phantom, stroke) instead of three: a version 1 Routing value
/// is read as the same routing, not the same normalized number.
/// </summary>
public static class ParameterState
{
    public const uint Magic = 0x53505348; // "HSPS"
    public const uint Version = 2;
    private const int HeaderSize = 12;
    private const int EntrySize = 12;
    private const int RoutingStepsInVersion1 = 2;

    /// <summary>Bytes <see cref="Write"/> produces.</summary>
    public static int Size => HeaderSize + PluginParameters.PersistentCount * EntrySize;

    /// <summary>Serializes the persistent values of <paramref name="normalized"/> (indexed like
    /// <see cref="PluginParameters.All"/>).</summary>
    public static byte[] Write(ReadOnlySpan<double> normalized)
    {
        var bytes = new byte[Size];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), Version);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)PluginParameters.PersistentCount);
        for (int i = 0; i < PluginParameters.PersistentCount; i++)
        {
            Span<byte> entry = bytes.AsSpan(HeaderSize + i * EntrySize);
            BinaryPrimitives.WriteUInt32LittleEndian(entry, PluginParameters.All[i].Id);
            BinaryPrimitives.WriteDoubleLittleEndian(entry[4..], normalized[i]);
        }
        return bytes;
    }

    /// <summary>Reads a state into <paramref name="normalized"/>; false (and nothing changed) when
    /// the bytes are not a state of a version we understand.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, Span<double> normalized)
    {
        if (bytes.Length < HeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic) return false;
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);
        if (version == 0 || version > Version || count > (bytes.Length - HeaderSize) / EntrySize) return false;
        for (int i = 0; i < (int)count; i++)
        {
            ReadOnlySpan<byte> entry = bytes.Slice(HeaderSize + i * EntrySize, EntrySize);
            int index = PluginParameters.IndexOf(BinaryPrimitives.ReadUInt32LittleEndian(entry));
            double value = BinaryPrimitives.ReadDoubleLittleEndian(entry[4..]);
            if ((uint)index >= (uint)PluginParameters.PersistentCount || !double.IsFinite(value)) continue;
            value = Math.Clamp(value, 0.0, 1.0);
            if (version == 1 && PluginParameters.All[index].Id == ParameterIds.Routing)
                value = Math.Round(value * RoutingStepsInVersion1) / PluginParameters.All[index].StepCount;
            normalized[index] = value;
        }
        return true;
    }

    /// <summary>The default normalized value of every parameter.</summary>
    public static double[] Defaults() => [.. PluginParameters.All.Select(p => p.DefaultNormalized)];
}
