using System.Runtime.InteropServices;

namespace HapticShm.Shared.Status;

/// <summary>One sounding voice in the <see cref="StatusBlock"/>: where its stimulus comes from and how loud it is.</summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public struct VoiceSourceStatus
{
    /// <summary>Bytes per entry.</summary>
    public const int Size = 16;

    /// <summary>Source x in metres (layout coordinates); a standing wave sits at the layout's centre.</summary>
    [FieldOffset(0)] public float X;
    /// <summary>Source y in metres.</summary>
    [FieldOffset(4)] public float Y;
    /// <summary>Output amplitude of the voice now (envelope x velocity x pressure x fade), 0..1.</summary>
    [FieldOffset(8)] public float Level;
    /// <summary>Which stimulus the voice plays.</summary>
    [FieldOffset(12)] public VoiceSourceKind Kind;
    /// <summary>Client slot that started the voice (index of <see cref="StatusBlock.Client"/>).</summary>
    [FieldOffset(13)] public byte ClientSlot;
    /// <summary>MIDI note number.</summary>
    [FieldOffset(14)] public byte Note;
    /// <summary>1 once the note is released or the voice fades out, else 0.</summary>
    [FieldOffset(15)] public byte Released;
}
