using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Shared.Status;

namespace HapticShm.Shared.Tests;

public sealed unsafe class StatusFileTests : IDisposable
{
    private readonly TempRuntimeDirectory _dir = new();

    [Fact]
    public void Layout_IsLocked()
    {
        Assert.Equal(12288, Marshal.SizeOf<StatusBlock>());
        Assert.Equal(16, Marshal.SizeOf<VoiceSourceStatus>());
        Assert.Equal(256, Marshal.SizeOf<ClientStatus>());
        Assert.Equal(64, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.Sequence)));
        Assert.Equal(128, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.ServerPid)));
        Assert.Equal(232, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.AllocatedBytes)));
        Assert.Equal(512, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.Levels)));
        Assert.Equal(288, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.Overruns)));
        Assert.Equal(296, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.TimelineFrame)));
        Assert.Equal(304, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.TimelineStartNs)));
        Assert.Equal(312, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.TimelineSteps)));
        Assert.Equal(320, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.TimelineResyncs)));
        Assert.Equal(328, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.FaultedNs)));
        Assert.Equal(336, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.FaultSilencedBlocks)));
        Assert.Equal(344, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.TransducerCount)));
        Assert.Equal(348, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.VoiceSourceCount)));
        Assert.Equal(352, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.BackendState)));
        Assert.Equal(384, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.BackendReason)));
        Assert.Equal(512, 384 + StatusBlock.BackendReasonBytes); // the reason ends where the levels begin
        Assert.Equal(5632, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.TransducerX)));
        Assert.Equal(6656, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.TransducerY)));
        Assert.Equal(12, (int)Marshal.OffsetOf<VoiceSourceStatus>(nameof(VoiceSourceStatus.Kind)));
        Assert.Equal(15, (int)Marshal.OffsetOf<VoiceSourceStatus>(nameof(VoiceSourceStatus.Released)));
        var block = new StatusBlock();
        Assert.Equal(7680, (int)((byte*)Unsafe.AsPointer(ref block.VoiceSource(0)) - (byte*)&block));
        Assert.Equal(7680 + 63 * 16, (int)((byte*)Unsafe.AsPointer(ref block.VoiceSource(StatusBlock.MaxVoiceSources - 1)) - (byte*)&block));
        Assert.Equal(5, StatusBlock.LayoutVersion);
        Assert.Equal(80, (int)Marshal.OffsetOf<ClientStatus>(nameof(ClientStatus.Pushed)));
        Assert.Equal(144, (int)Marshal.OffsetOf<ClientStatus>(nameof(ClientStatus.StallFades)));
        Assert.Equal(152, (int)Marshal.OffsetOf<ClientStatus>(nameof(ClientStatus.Clock)));
    }

    [Fact]
    public void TryRead_WhileAWriterUpdates_NeverSeesAHalfWrittenBlock()
    {
        string path = _dir.File("status.shm");
        using var writer = StatusFile.Create(path);
        using var reader = StatusFile.Open(path);
        using var stop = new CancellationTokenSource();
        var writerThread = new Thread(() =>
        {
            long n = 0;
            while (!stop.IsCancellationRequested)
            {
                writer.BeginWrite();
                n++;
                writer.Block->Callbacks = n;
                writer.Block->Xruns = n;
                for (int i = 0; i < StatusBlock.MaxTransducers; i++) writer.Block->Levels[i] = n & 0xFFFF; // exact in a float
                writer.Block->Client(15).Popped = n;
                writer.EndWrite();
                // A short gap (~10 µs; the server publishes every 10 ms): without one the writer is
                // inside almost all the time and on a busy 2-core machine a reader waited minutes
                // for a window to copy 8 KB in. Reads still overlap thousands of writes.
                Thread.SpinWait(300);
            }
        });
        writerThread.Start();
        int consistent = 0;
        for (int i = 0; i < 20_000; i++)
        {
            if (!reader.TryRead(out StatusBlock snapshot)) continue;
            Assert.Equal(snapshot.Callbacks, snapshot.Xruns);
            Assert.Equal(snapshot.Callbacks & 0xFFFF, (long)snapshot.Levels[StatusBlock.MaxTransducers - 1]);
            Assert.Equal(snapshot.Callbacks, snapshot.Client(15).Popped);
            consistent++;
        }
        stop.Cancel();
        writerThread.Join();
        Assert.True(consistent > 1000, $"only {consistent} snapshots read");
    }

    [Fact]
    public void Open_NotAStatusFile_NamesTheFile()
    {
        string path = _dir.File("junk.shm");
        File.WriteAllBytes(path, new byte[StatusBlock.Size]);
        var error = Assert.Throws<InvalidDataException>(() => StatusFile.Open(path));
        Assert.StartsWith(path + ": not a HapticShm status block", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
