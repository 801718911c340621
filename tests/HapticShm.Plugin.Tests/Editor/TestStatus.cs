using HapticShm.Shared;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Tests.Editor;

/// <summary>Status blocks as a server would publish them, with fields the test controls.</summary>
internal static unsafe class TestStatus
{
    public const int ServerPid = 4321;

    /// <summary>A fresh block of a server with the default 4 x 8 grid at 5 cm, all levels 0.</summary>
    public static StatusBlock Grid(long nowNs)
    {
        var block = new StatusBlock { ServerPid = ServerPid, SampleRate = 48000, BlockSize = 64, ChannelCount = 32, ReadyNs = 1, UpdatedNs = nowNs, FixedLatencyNs = 2_500_000, LoadMeanPercent = 3.4f, LoadMaxPercent = 9f, Xruns = 2, TransducerCount = 32 };
        "jack"u8.CopyTo(new Span<byte>(block.Backend, StatusBlock.BackendBytes));
        for (int i = 0; i < 32; i++)
        {
            block.TransducerX[i] = (i % 8) * 0.05f;
            block.TransducerY[i] = (i / 8) * 0.05f;
        }
        return block;
    }

    public static void SetSource(ref StatusBlock block, int index, float x, float y, float level, VoiceSourceKind kind)
    {
        ref VoiceSourceStatus source = ref block.VoiceSource(index);
        (source.X, source.Y, source.Level, source.Kind) = (x, y, level, kind);
        block.VoiceSourceCount = Math.Max(block.VoiceSourceCount, index + 1);
    }

    public static long Now() => MonotonicClock.NowNs();
}
