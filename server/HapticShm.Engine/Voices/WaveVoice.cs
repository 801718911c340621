using HapticShm.Engine.Dsp;
using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Voices;

/// <summary>
/// A travelling wave: the voice's source signal goes into one history buffer, and each
/// transducer reads it at its own fractional delay (distance / wave speed) with cubic Lagrange
/// interpolation, scaled by the attenuation law of <see cref="WaveGeometry"/>.
/// <para>Moving sources glide. Delays and gains step toward their targets once per
/// <see cref="SegmentFrames"/>-frame segment (one-pole, 5 ms, plus a slew limit), and within a
/// segment the output crossfades linearly from the previous tap set to the new one. The slew
/// limits bound the extra sample-to-sample step a movement adds: delay rate &lt;= 0.6e-3 / omega
/// samples per sample (so A * omega * rate &lt;= 0.6e-3) and gain rate &lt;= 0.3e-3 per sample, together
/// under 1e-3 at amplitude 1 for any carrier frequency. Segments count the voice's own frames, so
/// any split of the output into blocks renders the same samples.</para>
/// </summary>
internal sealed partial class WaveVoice : Voice
{
    public const int SegmentFrames = 64;
    private const int MaxPieces = RenderScratch.ChunkFrames / SegmentFrames + 1;
    private const double GlideSeconds = 0.005;
    private const double DelayRateLimit = 0.6e-3; // divided by omega: samples of delay per sample
    private const float GainRateLimit = 0.3e-3f;  // per sample
    private const float DelaySnap = 1e-3f;
    private const float GainSnap = 1e-5f;

    private readonly WaveGeometry _geometry;
    private VoiceSettings? _targetSettings;
    private bool _targetsStale;
    private readonly int _count;
    private readonly float[] _history;
    private readonly int _mask;
    private readonly int _mirror;
    private readonly double _maxDelay;
    private readonly float _glideCoefficient;
    private readonly float[] _targetDelay, _delay, _targetGain, _gain; // padded to TapSets.Stride
    private readonly TapSets _sets;
    private readonly Piece[] _pieces = new Piece[MaxPieces];
    private readonly GlideTable _glide;
    private int _currentSet, _previousSet;
    private int _write;
    private bool _gliding, _crossfading;
    private float _delaySlew;
    private float _bend, _timbre;
    private int _tailLeft;

    public WaveVoice(int sampleRate, WaveGeometry geometry) : base(sampleRate)
    {
        _geometry = geometry;
        _count = geometry.Count;
        _maxDelay = geometry.MaxDistance / MinWaveSpeed * sampleRate + 4;
        int capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)((int)_maxDelay + RenderScratch.ChunkFrames + 16));
        _mask = capacity - 1;
        _mirror = RenderScratch.ChunkFrames + 4;
        _history = new float[capacity + _mirror];
        _glideCoefficient = (float)(1 - Math.Exp(-SegmentFrames / (GlideSeconds * sampleRate)));
        _sets = new TapSets(_count, MaxPieces + 2);
        _glide = new GlideTable(_sets.Stride);
        _targetDelay = new float[_sets.Stride];
        _delay = new float[_sets.Stride];
        _targetGain = new float[_sets.Stride];
        _gain = new float[_sets.Stride];
    }

    private static float MinWaveSpeed => ParamRanges.TryGet(ParamId.WaveSpeed, out float min, out _, out _) ? min : 20f;

    public override bool IsFinished => FadeDone || (EnvelopeDone && _tailLeft <= 0);

    /// <summary>Sets new targets after a wave-speed change; the taps glide there.</summary>
    public void Retarget(VoiceSettings settings) => MarkTargetsStale(settings);

    // MPE can bring dozens of moves per block: the geometry is worked out once, when the glide
    // next advances (every segment), from the latest position, not once per command.
    private void MarkTargetsStale(VoiceSettings settings)
    {
        _targetSettings = settings;
        _targetsStale = true;
        _gliding = true;
    }

    private void RefreshTargets()
    {
        if (!_targetsStale) return;
        _targetsStale = false;
        ComputeTargets(_targetSettings!);
    }

    protected override void OnStart(in Command command, VoiceSettings settings)
    {
        Array.Clear(_history);
        _write = 0;
        _tailLeft = (int)_maxDelay + 8 + RenderScratch.ChunkFrames;
        _delaySlew = (float)(Math.Min(0.5, DelayRateLimit / Omega) * SegmentFrames);
        _bend = command.PitchBend;
        _timbre = command.Timbre;
        ComputeTargets(settings);
        _targetDelay.CopyTo(_delay, 0);
        _targetGain.CopyTo(_gain, 0);
        _currentSet = _previousSet = 0;
        TapMath.Coefficients(_delay, _gain, _sets, 0);
        _gliding = _crossfading = _targetsStale = false;
    }

    protected override void OnExpress(in Command command, MpeFields fields, VoiceSettings settings)
    {
        if ((fields & (MpeFields.PitchBend | MpeFields.Timbre)) == 0) return;
        if ((fields & MpeFields.PitchBend) != 0) _bend = command.PitchBend;
        if ((fields & MpeFields.Timbre) != 0) _timbre = command.Timbre;
        MarkTargetsStale(settings);
    }

    private void ComputeTargets(VoiceSettings settings)
    {
        _geometry.Compute(_geometry.SourcePosition(_bend, _timbre), SampleRate / settings.WaveSpeed, (float)_maxDelay, _targetDelay, _targetGain);
    }

    /// <summary>A run of frames rendered with one tap set, or crossfading between two.</summary>
    private struct Piece
    {
        public int Start, Length, Segment, SetA, SetB; // Segment: position of Start in its segment
        public bool Crossfade;
    }
}
