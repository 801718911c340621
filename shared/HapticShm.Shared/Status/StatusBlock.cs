using System.Runtime.InteropServices;
using System.Text;

namespace HapticShm.Shared.Status;

/// <summary>
/// The server's published state, one file mapped by the server (writer) and any number of
/// readers (plugin, <c>hapticshm status</c>, <c>monitor</c>). Guarded by a seqlock on
/// <see cref="Sequence"/>: odd while the writer is inside, readers copy and retry on change.
/// Offsets are locked by tests.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public unsafe struct StatusBlock
{
    /// <summary>Bytes in the block (and the file).</summary>
    public const int Size = 12288;
    /// <summary>"HSHMSTAT" little-endian.</summary>
    public const ulong MagicValue = 0x5441_5453_4D48_5348;
    /// <summary>Bumped with any layout change.</summary>
    public const int LayoutVersion = 5;
    /// <summary>Client entries.</summary>
    public const int MaxClients = 16;
    /// <summary>Transducer levels and positions.</summary>
    public const int MaxTransducers = 256;
    /// <summary>Voice source entries (the first sounding voices; default pools have 24 slots).</summary>
    public const int MaxVoiceSources = 64;
    /// <summary>Bytes for the backend name.</summary>
    public const int BackendBytes = 16;
    /// <summary>Bytes for the backend's reason (<see cref="BackendReason"/>).</summary>
    public const int BackendReasonBytes = 128;
    /// <summary>What readers print after the backend's name while it is <see cref="Status.BackendState.WaitingForJack"/>.</summary>
    public const string WaitingForJackText = "waiting for JACK";
    private const int LevelsOffset = 512;
    private const int ClientsOffset = LevelsOffset + MaxTransducers * sizeof(float);
    private const int TransducerXOffset = ClientsOffset + MaxClients * ClientStatus.Size;
    private const int TransducerYOffset = TransducerXOffset + MaxTransducers * sizeof(float);
    private const int VoiceSourcesOffset = TransducerYOffset + MaxTransducers * sizeof(float);

    /// <summary><see cref="MagicValue"/>.</summary>
    [FieldOffset(0)] public ulong Magic;
    /// <summary><see cref="LayoutVersion"/>.</summary>
    [FieldOffset(8)] public int Version;
    /// <summary><see cref="Size"/>.</summary>
    [FieldOffset(12)] public int TotalBytes;
    /// <summary>Seqlock counter (own cache line).</summary>
    [FieldOffset(64)] public long Sequence;

    /// <summary>Server process id.</summary>
    [FieldOffset(128)] public int ServerPid;
    /// <summary>Frames per second.</summary>
    [FieldOffset(132)] public int SampleRate;
    /// <summary>Frames per block.</summary>
    [FieldOffset(136)] public int BlockSize;
    /// <summary>Output channels.</summary>
    [FieldOffset(140)] public int ChannelCount;
    /// <summary>Backend name, UTF-8.</summary>
    [FieldOffset(144)] public fixed byte Backend[BackendBytes];
    /// <summary>Process start, <see cref="MonotonicClock"/> ns.</summary>
    [FieldOffset(160)] public long StartedNs;
    /// <summary>When the handshake became ready.</summary>
    [FieldOffset(168)] public long ReadyNs;
    /// <summary>Last publication.</summary>
    [FieldOffset(176)] public long UpdatedNs;
    /// <summary>Audio callbacks so far.</summary>
    [FieldOffset(184)] public long Callbacks;
    /// <summary>Mean callback time over the last second, % of the block period.</summary>
    [FieldOffset(192)] public float LoadMeanPercent;
    /// <summary>Longest callback over the last second, % of the block period.</summary>
    [FieldOffset(196)] public float LoadMaxPercent;
    /// <summary>Longest callback since start, ns.</summary>
    [FieldOffset(200)] public long MaxCallbackNs;
    /// <summary>Device xruns since start.</summary>
    [FieldOffset(208)] public long Xruns;
    /// <summary>Voices sounding now.</summary>
    [FieldOffset(216)] public int ActiveVoices;
    /// <summary>Most voices at once since start.</summary>
    [FieldOffset(220)] public int PeakVoices;
    /// <summary>Garbage collections since the server became ready.</summary>
    [FieldOffset(224)] public long GcCount;
    /// <summary>Managed bytes allocated (all threads) since the server became ready.</summary>
    [FieldOffset(232)] public long AllocatedBytes;
    /// <summary>Commands that played late (all clients).</summary>
    [FieldOffset(240)] public long Late;
    /// <summary>Voices stolen.</summary>
    [FieldOffset(248)] public long Stolen;
    /// <summary>Commands the engine rejected.</summary>
    [FieldOffset(256)] public long Rejected;
    /// <summary>Latency added to every timestamp.</summary>
    [FieldOffset(264)] public long FixedLatencyNs;
    /// <summary>Connected clients.</summary>
    [FieldOffset(272)] public int ClientCount;
    /// <summary>Notes started.</summary>
    [FieldOffset(280)] public long NotesPlayed;
    /// <summary>Callbacks that took longer than one block period: xruns the server itself caused.</summary>
    [FieldOffset(288)] public long Overruns;

    // The server's timeline: blockStartNs(F) = TimelineStartNs + (F - TimelineFrame) / SampleRate s,
    // exactly (to the ns) for every frame F until the next step or resync. A client that stamps a
    // command with the time of a frame on it knows the sample it sounds at: no estimate of its own.
    /// <summary>Device frame counter of the latest published block (JACK: its frame time, which
    /// wraps at 2^32; compare as <c>uint</c>). Meaningful when <see cref="TimelineStartNs"/> is not 0.</summary>
    [FieldOffset(296)] public long TimelineFrame;
    /// <summary>Start of that block on <see cref="MonotonicClock"/> (ns): when its first frame is
    /// heard, the time the engine schedules against; 0 if the backend publishes no timeline.</summary>
    [FieldOffset(304)] public long TimelineStartNs;
    /// <summary>Whole-frame steps of the timeline so far (each moves every later frame's time by
    /// one frame, to follow the device clock's drift).</summary>
    [FieldOffset(312)] public long TimelineSteps;
    /// <summary>Re-anchorings of the timeline to the device clock so far (after an xrun or a clock
    /// jump; each moves the timeline by an arbitrary amount).</summary>
    [FieldOffset(320)] public long TimelineResyncs;

    /// <summary>When the audio callback failed (<see cref="MonotonicClock"/> ns), 0 if it never
    /// did. Latched: from that block on the server outputs silence and stops.</summary>
    [FieldOffset(328)] public long FaultedNs;
    /// <summary>Blocks output as silence because of the fault.</summary>
    [FieldOffset(336)] public long FaultSilencedBlocks;

    /// <summary>Transducers in the server's layout (entries of <see cref="Levels"/>,
    /// <see cref="TransducerX"/> and <see cref="TransducerY"/> in use).</summary>
    [FieldOffset(344)] public int TransducerCount;
    /// <summary>Entries of <see cref="VoiceSource"/> in use: the voices sounding at the last
    /// publication (at most <see cref="MaxVoiceSources"/>).</summary>
    [FieldOffset(348)] public int VoiceSourceCount;

    /// <summary>A <see cref="Status.BackendState"/>: running, or (auto backend) on null waiting for JACK.</summary>
    [FieldOffset(352)] public int BackendState;
    /// <summary>Why the backend is in that state, UTF-8, zero-terminated (empty when running as
    /// asked), e.g. "JACK server 'default' shut down".</summary>
    [FieldOffset(384)] public fixed byte BackendReason[BackendReasonBytes];

    /// <summary>Peak level of each transducer over the last publication interval.</summary>
    [FieldOffset(LevelsOffset)] public fixed float Levels[MaxTransducers];

    /// <summary>Each transducer's x position in metres (the layout's coordinates).</summary>
    [FieldOffset(TransducerXOffset)] public fixed float TransducerX[MaxTransducers];
    /// <summary>Each transducer's y position in metres.</summary>
    [FieldOffset(TransducerYOffset)] public fixed float TransducerY[MaxTransducers];

    /// <summary>Voice source entry <paramref name="index"/> (0..<see cref="MaxVoiceSources"/>-1).</summary>
    public ref VoiceSourceStatus VoiceSource(int index)
    {
        if ((uint)index >= MaxVoiceSources) throw new ArgumentOutOfRangeException(nameof(index));
        fixed (StatusBlock* self = &this) return ref ((VoiceSourceStatus*)((byte*)self + VoiceSourcesOffset))[index];
    }

    /// <summary>Entry <paramref name="index"/> (0..<see cref="MaxClients"/>-1).</summary>
    public ref ClientStatus Client(int index)
    {
        if ((uint)index >= MaxClients) throw new ArgumentOutOfRangeException(nameof(index));
        fixed (StatusBlock* self = &this) return ref ((ClientStatus*)((byte*)self + ClientsOffset))[index];
    }

    /// <summary>Backend name as text.</summary>
    public readonly string BackendText
    {
        get
        {
            fixed (byte* p = Backend) return Terminated(p, BackendBytes);
        }
    }

    /// <summary><see cref="BackendReason"/> as text.</summary>
    public readonly string BackendReasonText
    {
        get
        {
            fixed (byte* p = BackendReason) return Terminated(p, BackendReasonBytes);
        }
    }

    /// <summary>True while the auto backend is on null looking for JACK.</summary>
    public readonly bool IsWaitingForJack => BackendState == (int)Status.BackendState.WaitingForJack;

    /// <summary>The backend as readers show it: "jack", or "null: waiting for JACK (reason)".</summary>
    public readonly string BackendSummary => DescribeBackend(BackendText, IsWaitingForJack, BackendReasonText);

    /// <summary>"name", or while waiting "name: waiting for JACK (reason)": one wording for every reader.</summary>
    public static string DescribeBackend(string name, bool waitingForJack, string reason) =>
        !waitingForJack ? name
        : reason.Length == 0 ? $"{name}: {WaitingForJackText}"
        : $"{name}: {WaitingForJackText} ({reason})";

    private static string Terminated(byte* p, int capacity)
    {
        var bytes = new ReadOnlySpan<byte>(p, capacity);
        int end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }
}
