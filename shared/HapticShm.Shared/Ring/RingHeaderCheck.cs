using HapticShm.Shared.Protocol;

namespace HapticShm.Shared.Ring;

/// <summary>Validates a ring header read from a file before it is mapped and trusted.</summary>
internal static class RingHeaderCheck
{
    internal static void ThrowIfInvalid(string path, in RingHeader header, long fileLength)
    {
        if (header.Magic != RingLayout.Magic)
            throw new RingFormatException(path, $"not a HapticShm ring (magic 0x{header.Magic:X16}, expected 0x{RingLayout.Magic:X16})");
        if (header.LayoutVersion != RingLayout.Version)
            throw new RingFormatException(path, $"ring layout version {header.LayoutVersion}, this build reads version {RingLayout.Version}: update the plugin or the server");
        if (header.HeaderSize != RingLayout.HeaderSize)
            throw new RingFormatException(path, $"header size {header.HeaderSize}, expected {RingLayout.HeaderSize}");
        if (header.SlotSize != Command.Size)
            throw new RingFormatException(path, $"slot size {header.SlotSize} bytes, this build's commands are {Command.Size} bytes");
        if (!RingLayout.IsValidCapacity(header.Capacity))
            throw new RingFormatException(path, $"capacity {header.Capacity} is not a power of two from {RingLayout.MinCapacity} to {RingLayout.MaxCapacity}");
        long expected = RingLayout.FileSize(header.Capacity);
        if (fileLength < expected)
            throw new RingFormatException(path, $"truncated file: {fileLength} bytes, a ring of {header.Capacity} slots needs {expected}");
    }
}
