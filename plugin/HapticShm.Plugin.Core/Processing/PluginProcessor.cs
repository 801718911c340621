using HapticShm.Plugin.Core.Input;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Core.Timing;
using HapticShm.Shared;
using HapticShm.Shared.Ring;

namespace HapticShm.Plugin.Core.Processing;

/// <summary>
/// Turns one host block of note events and parameter points into <see cref="Shared.Protocol.Command"/>s
/// pushed into the current ring, each stamped block start + sample offset + the haptic offset on
/// <see cref="MonotonicClock"/>.
/// </summary>
/// <remarks>
/// Design: the audio thread calls <see cref="BeginBlock(in HostBlock)"/>, <see cref="AddNote"/> /
/// <see cref="AddParameterPoint"/> for every input, then <see cref="EndBlock"/>; inputs are sorted
/// by sample offset (stable) and converted in time order. Real-time contract of those four: no
/// allocation, no lock, no syscall, no exception. The ring is swapped by another thread with
/// <see cref="AttachRing"/> / <see cref="DetachRing"/>; the audio thread reads the reference once
/// per block. A block that sees a different ring than the last one re-sends every engine
/// parameter and every held note first, so a restarted server picks up where the old one was.
/// With no ring, commands are counted as dropped while the parameter and note tables stay current.
/// Block starts come from <see cref="BlockClock"/> (see PluginProcessor.Timing.cs).
/// </remarks>
public sealed partial class PluginProcessor
{
    /// <summary>Inputs one block can hold; more are counted in <see cref="OverflowedInputs"/>.</summary>
    public const int MaxInputsPerBlock = 4096;

    private readonly PendingInput[] _pending = new PendingInput[MaxInputsPerBlock];
    private readonly HeldNotes _held = new();
    private readonly double[] _normalized = ParameterState.Defaults();
    private readonly double[] _sentPlain = new double[PluginParameters.PersistentCount];
    private readonly ChannelExpression[] _channels = new ChannelExpression[ParameterIds.MidiChannels];
    private RingProducer? _ring;
    private RingProducer? _blockRing;
    private RingProducer? _lastRing;
    private int _pendingCount;
    private long _blockStartNs;
    private double _nsPerSample = 1e9 / 48000.0;
    private double _blockNsPerSample = 1e9 / 48000.0;
    private long _blockEpoch;
    private long _dropped;
    private long _sent;
    private long _overflowed;
    private bool _bypassed;

    public PluginProcessor()
    {
        Array.Fill(_sentPlain, double.NaN);
        for (int i = 0; i < _channels.Length; i++) _channels[i] = ChannelExpression.Default;
    }

    /// <summary>Commands that could not be pushed (no ring, or ring full).</summary>
    public long DroppedCommands => Volatile.Read(ref _dropped);

    /// <summary>Commands pushed into a ring.</summary>
    public long SentCommands => Volatile.Read(ref _sent);

    /// <summary>Inputs ignored because a block had more than <see cref="MaxInputsPerBlock"/>.</summary>
    public long OverflowedInputs => Volatile.Read(ref _overflowed);

    /// <summary>Notes sounding now (audio thread view).</summary>
    public int HeldNoteCount => _held.Count;

    /// <summary>Whether bypass is on.</summary>
    public bool IsBypassed => _bypassed;

    /// <summary>The ring commands go to, or null.</summary>
    public RingProducer? Ring => Volatile.Read(ref _ring);

    /// <summary>Sets the rate used to turn sample offsets into nanoseconds (setupProcessing).
    /// Call it while no block runs (the host does: setupProcessing precedes setActive).</summary>
    public void SetSampleRate(double sampleRate)
    {
        if (!double.IsFinite(sampleRate) || sampleRate <= 0) return;
        _nsPerSample = 1e9 / sampleRate;
        _clock.SetSampleRate(sampleRate);
    }

    /// <summary>Publishes a new ring (connection thread). The next block re-sends the state into it.</summary>
    public void AttachRing(RingProducer producer) => Volatile.Write(ref _ring, producer);

    /// <summary>Withdraws whatever ring is attached and waits a little (at most
    /// <see cref="DetachWaitMs"/>) for a block that may still write into it. True when no block
    /// can touch it any more; false when one still may: do not unmap it then, hand its mapping to
    /// <see cref="RetireRing"/>.</summary>
    public bool DetachRing()
    {
        // A full fence, so the epoch read cannot move above the store (store-load order).
        Interlocked.Exchange(ref _ring, null);
        return WaitForBlocksThatMayHoldIt(out _);
    }

    /// <summary>Starts a block now (reads the clock once).</summary>
    public void BeginBlock() => BeginBlock(MonotonicClock.NowNs());

    /// <summary>Starts a block whose first sample sounds at <paramref name="blockStartNs"/>
    /// (no clock fit, no transport: for tests and hosts that know better).</summary>
    public void BeginBlock(long blockStartNs)
    {
        // A block that threw out of EndBlock left the epoch odd: close it first, so epochs pair up.
        if ((_blockEpoch & 1) != 0) Interlocked.Increment(ref _blockEpoch);
        Interlocked.Increment(ref _blockEpoch);
        _blockStartNs = blockStartNs;
        _blockNsPerSample = _nsPerSample;
        _blockLocked = false;
        _hapticOffsetNs = ReadHapticOffsetNs();
        _pendingCount = 0;
        _blockRing = Volatile.Read(ref _ring);
    }

    /// <summary>Queues a note event of the current block.</summary>
    public void AddNote(in NoteInput note)
    {
        if (!TryReserve(note.SampleOffset, out int index)) return;
        _pending[index].IsParameter = false;
        _pending[index].Note = note;
    }

    /// <summary>Queues one point of a parameter queue of the current block.</summary>
    public void AddParameterPoint(uint parameterId, int sampleOffset, double normalized)
    {
        if (!TryReserve(sampleOffset, out int index)) return;
        _pending[index].IsParameter = true;
        _pending[index].ParameterId = parameterId;
        _pending[index].ParameterValue = normalized;
    }

    /// <summary>Converts the queued inputs in time order and pushes the commands.</summary>
    public void EndBlock()
    {
        RingProducer? ring = _blockRing;
        if (!ReferenceEquals(ring, _lastRing))
        {
            _lastRing = ring;
            if (ring is not null) ResendAll();
        }
        if (Interlocked.Exchange(ref _stateChanged, 0) != 0) SendChangedParameters(0);
        ApplyTransportAndMode();
        SortPending();
        for (int i = 0; i < _pendingCount; i++)
        {
            ref PendingInput input = ref _pending[i];
            if (input.IsParameter) ApplyParameter(input.ParameterId, input.SampleOffset, input.ParameterValue);
            else ApplyNote(input.Note);
        }
        _pendingCount = 0;
        SendTestPulse();
        ring?.StampHeartbeat(_blockStartNs);
        ring?.PublishClock(Volatile.Read(ref _clockSource)); // for the server's status block
        _blockRing = null;
        Interlocked.Increment(ref _blockEpoch);
    }

    private bool TryReserve(int sampleOffset, out int index)
    {
        index = _pendingCount;
        if (index >= _pending.Length)
        {
            Volatile.Write(ref _overflowed, _overflowed + 1);
            return false;
        }
        _pendingCount = index + 1;
        _pending[index].SampleOffset = sampleOffset < 0 ? 0 : sampleOffset;
        return true;
    }

    // Insertion sort: stable, allocation-free, linear for the usual nearly sorted input (host
    // events come sorted; only points of different parameter queues interleave). At equal
    // offsets parameter points go first (PendingInput.IsAfter).
    private void SortPending()
    {
        for (int i = 1; i < _pendingCount; i++)
        {
            PendingInput item = _pending[i];
            int j = i - 1;
            while (j >= 0 && _pending[j].IsAfter(item))
            {
                _pending[j + 1] = _pending[j];
                j--;
            }
            _pending[j + 1] = item;
        }
    }

    private void Emit(in Shared.Protocol.Command command)
    {
        if (_offline)
        {
            Volatile.Write(ref _skippedOffline, _skippedOffline + 1);
            return;
        }
        RingProducer? ring = _blockRing;
        if (ring is not null && ring.TryPush(command)) Volatile.Write(ref _sent, _sent + 1);
        else Volatile.Write(ref _dropped, _dropped + 1);
    }
}
