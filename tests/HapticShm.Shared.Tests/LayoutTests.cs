using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;

namespace HapticShm.Shared.Tests;

/// <summary>The byte layout is the contract between plugin and server builds: any change must
/// be deliberate (and bump <see cref="RingLayout.Version"/>).</summary>
public class LayoutTests
{
    [Fact]
    public void Command_Is64BytesAndBlittable()
    {
        Assert.Equal(64, Unsafe.SizeOf<Command>());
        Assert.Equal(64, Marshal.SizeOf<Command>());
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<Command>());
    }

    [Theory]
    [InlineData(nameof(Command.Kind), 0)]
    [InlineData(nameof(Command.Channel), 1)]
    [InlineData(nameof(Command.Note), 2)]
    [InlineData(nameof(Command.Fields), 3)]
    [InlineData(nameof(Command.NoteId), 4)]
    [InlineData(nameof(Command.Velocity), 8)]
    [InlineData(nameof(Command.Pressure), 12)]
    [InlineData(nameof(Command.PitchBend), 16)]
    [InlineData(nameof(Command.Timbre), 20)]
    [InlineData(nameof(Command.ParamId), 24)]
    [InlineData(nameof(Command.ParamValue), 28)]
    [InlineData(nameof(Command.Sequence), 32)]
    [InlineData(nameof(Command.TimestampNs), 40)]
    [InlineData(nameof(Command.StrokeMilliseconds), 28)]
    [InlineData(nameof(Command.StrokeFromX), 48)]
    [InlineData(nameof(Command.StrokeFromY), 52)]
    [InlineData(nameof(Command.StrokeToX), 56)]
    [InlineData(nameof(Command.StrokeToY), 60)]
    public void Command_FieldOffsets_AreLocked(string field, int offset) =>
        Assert.Equal(offset, (int)Marshal.OffsetOf<Command>(field));

    [Fact]
    public void CommandKind_ValuesAreLocked() =>
        Assert.Equal([1, 2, 3, 4, 5, 6], Enum.GetValues<CommandKind>().Select(k => (int)k).ToArray());

    [Fact]
    public void RingLayout_VersionIsLocked() => Assert.Equal(2, RingLayout.Version);

    [Fact]
    public void RingHeader_IsOnePage() => Assert.Equal(4096, Unsafe.SizeOf<RingHeader>());

    [Theory]
    [InlineData(nameof(RingHeader.Magic), 0)]
    [InlineData(nameof(RingHeader.LayoutVersion), 8)]
    [InlineData(nameof(RingHeader.HeaderSize), 12)]
    [InlineData(nameof(RingHeader.SlotSize), 16)]
    [InlineData(nameof(RingHeader.Capacity), 20)]
    [InlineData(nameof(RingHeader.SessionId), 24)]
    [InlineData(nameof(RingHeader.ProducerPid), 40)]
    [InlineData(nameof(RingHeader.ConsumerPid), 44)]
    [InlineData(nameof(RingHeader.ProducerHeartbeatNs), 64)]
    [InlineData(nameof(RingHeader.ConsumerHeartbeatNs), 128)]
    [InlineData(nameof(RingHeader.Pushed), 192)]
    [InlineData(nameof(RingHeader.DroppedFull), 200)]
    [InlineData(nameof(RingHeader.ProducerClock), 208)]
    [InlineData(nameof(RingHeader.Popped), 256)]
    [InlineData(nameof(RingHeader.RejectedInvalid), 264)]
    [InlineData(nameof(RingHeader.Late), 272)]
    [InlineData(nameof(RingHeader.Tail), 320)]
    [InlineData(nameof(RingHeader.Head), 384)]
    public void RingHeader_FieldOffsets_AreLocked(string field, int offset) =>
        Assert.Equal(offset, (int)Marshal.OffsetOf<RingHeader>(field));

    [Fact]
    public void RingHeader_HeadAndTail_AreAloneOnTheirCacheLines()
    {
        int head = (int)Marshal.OffsetOf<RingHeader>(nameof(RingHeader.Head));
        int tail = (int)Marshal.OffsetOf<RingHeader>(nameof(RingHeader.Tail));
        Assert.NotEqual(head / 64, tail / 64);
        foreach (var field in typeof(RingHeader).GetFields())
        {
            if (field.Name is nameof(RingHeader.Head) or nameof(RingHeader.Tail)) continue;
            int offset = (int)Marshal.OffsetOf<RingHeader>(field.Name);
            Assert.NotEqual(head / 64, offset / 64);
            Assert.NotEqual(tail / 64, offset / 64);
        }
    }
}
