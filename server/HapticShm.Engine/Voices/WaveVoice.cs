using HapticShm.Engine.Audio;
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
    public const int SegmentFrames = 16;
    private const double GlideSeconds = 0.005;
    private const double DelayRateLimit = 0.6e-3; // divided by omega: samples of delay per sample
    private const float GainRateLimit = 0.3e-3f;  // per sample
    private const double DelaySnap = 1e-3;
    private const float GainSnap = 1e-5f;

    private readonly WaveGeometry _geometry;
    private readonly float[] _history;
    private readonly int _mask;
    private readonly int _mirror;
    private readonly double _maxDelay;
    private readonly double _glideCoefficient;
    private readonly double[] _targetDelay, _delay;
    private readonly float[] _targetGain, _gain;
    private TapSet[] _previous, _current;
    private int _write;
    private int _segment;
    private bool _gliding, _crossfading;
    private double _delaySlew;
    private float _bend, _timbre;
    private int _tailLeft;

    public WaveVoice(int sampleRate, WaveGeometry geometry) : base(sampleRate)
    {
        _geometry = geometry;
        int n = geometry.Count;
        _maxDelay = geometry.MaxDistance / ParamMinWaveSpeed * sampleRate + 4;
        int capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)((int)_maxDelay + RenderScratch.ChunkFrames + 16));
        _mask = capacity - 1;
        _mirror = RenderScratch.ChunkFrames + 4;
        _history = new float[capacity + _mirror];
        _glideCoefficient = 1 - Math.Exp(-SegmentFrames / (GlideSeconds * sampleRate));
        _targetDelay = new double[n];
        _delay = new double[n];
        _targetGain = new float[n];
        _gain = new float[n];
        _previous = new TapSet[n];
        _current = new TapSet[n];
    }

    private static float ParamMinWaveSpeed => ParamRanges.TryGet(ParamId.WaveSpeed, out float min, out _, out _) ? min : 20f;

    public override bool IsFinished => FadeDone || (EnvelopeDone && _tailLeft <= 0);

    /// <summary>Current delay of transducer <paramref name="t"/> in samples (for tests).</summary>
    public double DelayOf(int t) => _delay[t];

    /// <summary>Sets new targets after a wave-speed change; the taps glide there.</summary>
    public void Retarget(VoiceSettings settings)
    {
        ComputeTargets(settings);
        _gliding = true;
    }

    protected override void OnStart(in Command command, VoiceSettings settings)
    {
        Array.Clear(_history);
        _write = 0;
        _segment = 0;
        _tailLeft = (int)_maxDelay + 8 + RenderScratch.ChunkFrames;
        _delaySlew = Math.Min(0.5, DelayRateLimit / Omega) * SegmentFrames;
        _bend = command.PitchBend;
        _timbre = command.Timbre;
        ComputeTargets(settings);
        for (int t = 0; t < _delay.Length; t++)
        {
            _delay[t] = _targetDelay[t];
            _gain[t] = _targetGain[t];
            _current[t] = Taps(_delay[t], _gain[t]);
            _previous[t] = _current[t];
        }
        _gliding = _crossfading = false;
    }

    protected override void OnExpress(in Command command, MpeFields fields, VoiceSettings settings)
    {
        if ((fields & (MpeFields.PitchBend | MpeFields.Timbre)) == 0) return;
        if ((fields & MpeFields.PitchBend) != 0) _bend = command.PitchBend;
        if ((fields & MpeFields.Timbre) != 0) _timbre = command.Timbre;
        ComputeTargets(settings);
        _gliding = true;
    }

    private void ComputeTargets(VoiceSettings settings)
    {
        _geometry.Compute(_geometry.SourcePosition(_bend, _timbre), SampleRate / (double)settings.WaveSpeed, _targetDelay, _targetGain);
        for (int t = 0; t < _targetDelay.Length; t++) _targetDelay[t] = Math.Clamp(_targetDelay[t], 0, _maxDelay);
    }

    private static TapSet Taps(double delay, float gain)
    {
        LagrangeDelay.Coefficients(delay, gain, out int offset, out float c0, out float c1, out float c2, out float c3);
        return new TapSet { Offset = offset, C0 = c0, C1 = c1, C2 = c2, C3 = c3 };
    }
}
