using System.Numerics;
using HapticShm.Engine.Dsp;
using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Voices;

/// <summary>
/// A travelling wave: the voice's source signal goes into one history (with its Farrow basis,
/// <see cref="WaveHistory"/>), and each transducer reads it at its own fractional delay
/// (distance / wave speed) with linear or cubic Lagrange interpolation (whichever keeps the carrier
/// within -60 dB, <see cref="DelayInterpolationChoice"/>), scaled by the attenuation law of
/// <see cref="WaveGeometry"/>.
/// <para>Moving sources glide. Delays and gains step toward their targets once per
/// <see cref="SegmentFrames"/>-frame segment (one-pole, 5 ms, plus a slew limit), and within a
/// segment they move linearly from one step to the next (<see cref="SegmentReads"/>). The slew
/// limits bound the extra sample-to-sample step a movement adds: delay rate &lt;= 0.6e-3 / omega
/// samples per sample (so A * omega * rate &lt;= 0.6e-3) and gain rate &lt;= 0.3e-3 per sample, together
/// under 1e-3 at amplitude 1 for any carrier frequency. Segments count the engine's frames, so
/// any split of the output into blocks renders the same samples (to float rounding: the kernel steps x and g by adds from each run's start).</para>
/// </summary>
internal sealed partial class WaveVoice : Voice
{
    public const int SegmentFrames = GlideSegment.Frames;
    private const double GlideSeconds = 0.005;
    private const double DelayRateLimit = 0.6e-3; // divided by omega: samples of delay per sample
    private const float GainRateLimit = 0.3e-3f;  // per sample
    private const float DelaySnap = 1e-3f;
    private const float GainSnap = 1e-5f;

    private readonly WaveGeometry _geometry;
    private VoiceSettings? _targetSettings;
    private bool _targetsStale;
    private readonly int _count;
    private readonly WaveHistory _history;
    private readonly double _maxDelay;
    private readonly float _glideCoefficient;
    private readonly float[] _targetDelay, _targetGain; // padded to WaveGeometry.Stride, like all per-transducer arrays
    private float[] _delay, _gain; // at the end of the current segment
    private float[] _segmentDelay, _segmentGain; // at its start (the two pairs swap at every segment)
    private readonly SegmentReads _reads;
    private bool _gliding, _moving; // targets still ahead / the current segment moves
    private float _delaySlew;
    private float _bend, _timbre;
    private int _tailLeft;

    public WaveVoice(int sampleRate, WaveGeometry geometry) : base(sampleRate)
    {
        _geometry = geometry;
        _count = geometry.Count;
        _maxDelay = geometry.MaxDistance / MinWaveSpeed * sampleRate + 4;
        _history = new WaveHistory((int)_maxDelay + RenderScratch.ChunkFrames + 16);
        _glideCoefficient = (float)(1 - Math.Exp(-SegmentFrames / (GlideSeconds * sampleRate)));
        int stride = geometry.Stride;
        _reads = new SegmentReads(stride);
        _targetDelay = new float[stride];
        _delay = new float[stride];
        _targetGain = new float[stride];
        _gain = new float[stride];
        _segmentDelay = new float[stride];
        _segmentGain = new float[stride];
    }

    private static float MinWaveSpeed => ParamRanges.TryGet(ParamId.WaveSpeed, out float min, out _, out _) ? min : 20f;

    /// <summary>Where the wave starts now (metres), from the latest bend and timbre.</summary>
    public Vector2 SourcePosition => _geometry.SourcePosition(_bend, _timbre);

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
        _history.Clear(DelayInterpolationChoice.For(Omega));
        _tailLeft = (int)_maxDelay + 8 + RenderScratch.ChunkFrames;
        _delaySlew = (float)(Math.Min(0.5, DelayRateLimit / Omega) * SegmentFrames);
        _bend = command.PitchBend;
        _timbre = command.Timbre;
        ComputeTargets(settings);
        _targetDelay.CopyTo(_delay, 0);
        _targetGain.CopyTo(_gain, 0);
        _reads.Set(_delay, _delay, _gain, _gain);
        _gliding = _moving = _targetsStale = false;
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
}
