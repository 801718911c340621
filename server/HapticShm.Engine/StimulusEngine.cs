using HapticShm.Engine.Dsp;
using HapticShm.Engine.Scheduling;
using HapticShm.Engine.Voices;
using HapticShm.Shared.Protocol;

namespace HapticShm.Engine;

/// <summary>
/// Renders the haptic stimuli: schedules commands at their timestamp (sample-accurate), plays
/// travelling-wave and standing-wave voices on every transducer, and passes each output sample
/// through a safety stage. Everything is allocated in the constructor.
/// </summary>
/// <remarks>Not thread-safe: <see cref="Submit"/>, <see cref="Render"/>, <see cref="FadeOutClient"/>
/// and the read-outs belong to one thread (the audio callback, which drains the client rings
/// before rendering). On that path nothing allocates, locks, blocks or does I/O.</remarks>
public sealed partial class StimulusEngine
{
    private const float StealFadeSeconds = 0.005f;
    private const float PanicFadeSeconds = 0.008f;    // silent within 10 ms
    private const float ClientFadeSeconds = 0.020f;   // silent within 50 ms

    private readonly EngineOptions _options;
    private readonly VoicePool<WaveVoice> _wave;
    private readonly VoicePool<StandingVoice> _standing;
    private readonly VoicePool<PhantomVoice> _phantom;
    private readonly PhantomPanner _panner;
    private readonly StrokeSchedule _strokes = new();
    private readonly VoiceSettings _settings = new();
    private readonly ClientQueues _queue;
    private readonly ExpressionGrid _expression;
    private readonly SafetyStage _safety;
    private readonly RenderScratch _scratch = new();
    private readonly float[] _levels;
    private readonly float[] _gains;
    private readonly long[] _lateOf;
    private StimulusRouting _routing = StimulusRouting.ByVelocity;
    private long _startOrder;
    private long _fixedLatencyNs;
    private long _frame; // frames rendered so far: aligns the wave voices' glide segments
    private long _eventFrame; // engine frame of the command being applied
    private long _notesPlayed, _peakVoices, _stolen, _late, _rejected, _queueFull;

    /// <summary>Builds the engine; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public StimulusEngine(EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _fixedLatencyNs = options.FixedLatencyNs;
        TransducerLayout layout = options.Layout;
        var geometry = new WaveGeometry(layout);
        _gains = layout.Gains.ToArray();
        _wave = new VoicePool<WaveVoice>(options.WaveVoices, () => new WaveVoice(options.SampleRate, geometry));
        _standing = new VoicePool<StandingVoice>(options.StandingVoices, () => new StandingVoice(options.SampleRate));
        _panner = new PhantomPanner(layout);
        _phantom = new VoicePool<PhantomVoice>(options.PhantomVoices, () => new PhantomVoice(options.SampleRate, layout, _panner));
        _queue = new ClientQueues(options.MaxClients, options.PendingCapacity);
        _expression = new ExpressionGrid(options.PendingCapacity);
        _safety = new SafetyStage(options.SampleRate, options.MaxBlockFrames);
        _levels = new float[layout.Count];
        _lateOf = new long[options.MaxClients];
    }

    /// <summary>One output channel per transducer.</summary>
    public int ChannelCount => _levels.Length;

    /// <summary>Output sample rate in Hz.</summary>
    public int SampleRate => _options.SampleRate;

    /// <summary>Largest block <see cref="Render"/> accepts.</summary>
    public int MaxBlockFrames => _options.MaxBlockFrames;

    /// <summary>Added to every command's timestamp from now on (>= 0). Starts at
    /// <see cref="EngineOptions.FixedLatencyNs"/>; the server moves it when the device's block
    /// size changes. Commands already scheduled keep their time.</summary>
    public long FixedLatencyNs
    {
        get => _fixedLatencyNs;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _fixedLatencyNs = value;
        }
    }

    /// <summary>Voices sounding (playing, releasing or fading).</summary>
    public int ActiveVoices => _wave.CountActive() + _standing.CountActive() + _phantom.CountActive();

    /// <summary>Per transducer: peak |sample| of the last rendered block.</summary>
    public ReadOnlySpan<float> Levels => _levels;

    /// <summary>Totals since construction.</summary>
    public EngineCounters Counters => new(_notesPlayed, _peakVoices, _stolen, _late, _rejected, _queueFull);

    /// <summary>Commands waiting for a later block.</summary>
    public int PendingCount => _queue.Count;

    /// <summary>Voices of one client.</summary>
    public int ActiveVoicesOf(int clientId) =>
        (uint)clientId < (uint)_lateOf.Length ? _wave.CountActive(clientId) + _standing.CountActive(clientId) + _phantom.CountActive(clientId) : 0;

    /// <summary>Late commands of one client.</summary>
    public long LateOf(int clientId) => (uint)clientId < (uint)_lateOf.Length ? _lateOf[clientId] : 0;

    /// <summary>Validates and schedules a command at <c>TimestampNs + FixedLatencyNs</c>. Returns
    /// false (and counts it) if the command is invalid, the client id unknown or the queue full.</summary>
    public bool Submit(in Command command, int clientId)
    {
        if ((uint)clientId >= (uint)_lateOf.Length || !CommandValidator.IsValid(command))
        {
            _rejected++;
            return false;
        }
        long due = command.TimestampNs > long.MaxValue - _fixedLatencyNs ? long.MaxValue : command.TimestampNs + _fixedLatencyNs;
        if (!_queue.TryAdd(command, clientId, due))
        {
            _queueFull++;
            return false;
        }
        return true;
    }

    /// <summary>Fades every voice of <paramref name="clientId"/> to silence (within 50 ms) and
    /// drops its pending commands. For a client that died or stalled.</summary>
    public void FadeOutClient(int clientId)
    {
        if ((uint)clientId >= (uint)_lateOf.Length) return;
        _queue.RemoveClient(clientId);
        _expression.RemoveClient(clientId);
        EndStrokes(clientId);
        FadeVoices(_wave.Slots, clientId, ClientFadeSeconds);
        FadeVoices(_standing.Slots, clientId, ClientFadeSeconds);
        FadeVoices(_phantom.Slots, clientId, ClientFadeSeconds);
    }

    private static void FadeVoices<TVoice>(ReadOnlySpan<TVoice> voices, int clientId, float seconds) where TVoice : Voice
    {
        foreach (TVoice voice in voices)
        {
            if (voice.State != VoiceState.Free && (clientId < 0 || voice.ClientId == clientId)) voice.FadeOut(seconds);
        }
    }
}
