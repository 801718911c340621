using System.Numerics;
using System.Runtime.Intrinsics;
using HapticShm.Engine.Audio;
using HapticShm.Engine.Dsp;
using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Voices;

/// <summary>
/// A phantom point source: a vibration felt between transducers. The voice's signal goes to the
/// (at most three) transducers <see cref="PhantomPanner"/> names for its position, each at
/// <c>sqrt(w_i)</c> times its layout gain, so the energy stays that of one transducer.
/// <para>Pitch bend and timbre move the point like a wave's source (<see cref="SourceArea"/>).
/// Gains glide like a wave voice's: once per <see cref="SegmentFrames"/>-frame segment (counted
/// in engine frames, so any block split renders the same samples) they take a one-pole step
/// (5 ms) toward their targets, at most <see cref="GainRateLimit"/> per sample, and move linearly
/// within the segment: a moving point never adds more than that to a sample-to-sample step.</para>
/// <para>A stroke point (<see cref="PlaceAt"/>) sits still and ignores expression and note-off:
/// the stroke schedule releases it.</para>
/// </summary>
internal sealed class PhantomVoice : Voice
{
    public const int SegmentFrames = GlideSegment.Frames;
    private const double GlideSeconds = 0.005;
    private const float GainRateLimit = 0.3e-3f; // per sample, like a wave voice
    private const float GainSnap = 1e-5f;

    private readonly PhantomPanner _panner;
    private readonly TransducerLayout _layout;
    private readonly float[] _layoutGains;
    private readonly float _glideCoefficient;
    private readonly float[] _targetGain;
    private float[] _gain, _segmentGain; // at the end / start of the current segment
    private readonly int[] _active; // transducers with a gain in the current segment
    private int _activeCount;
    private bool _gliding, _moving, _targetsStale;
    private float _bend, _timbre;
    private Vector2 _position, _placedAt;
    private bool _placed, _isStrokePoint;
    private int _triangle = -1; // where the point was last found

    public PhantomVoice(int sampleRate, TransducerLayout layout, PhantomPanner panner) : base(sampleRate)
    {
        _panner = panner;
        _layout = layout;
        _layoutGains = layout.Gains.ToArray();
        int count = (layout.Count + 7) & ~7; // padded to whole vectors; the padding's gain stays 0
        _glideCoefficient = (float)(1 - Math.Exp(-SegmentFrames / (GlideSeconds * sampleRate)));
        _targetGain = new float[count];
        _gain = new float[count];
        _segmentGain = new float[count];
        _active = new int[count];
    }

    /// <summary>Where the point is now (metres): its target, from the latest bend and timbre.</summary>
    public Vector2 SourcePosition => _position;

    /// <summary>True for a point of a stroke: still, deaf to expression and note-off.</summary>
    public override bool IsScripted => _isStrokePoint;

    public override bool IsFinished => FadeDone || EnvelopeDone;

    /// <summary>The next <see cref="Voice.Start"/> places the point at <paramref name="position"/>
    /// for good (a stroke point) instead of at its bend and timbre.</summary>
    public void PlaceAt(Vector2 position)
    {
        _placedAt = position;
        _placed = true;
    }

    protected override void OnStart(in Command command, VoiceSettings settings)
    {
        _isStrokePoint = _placed;
        _placed = false;
        _bend = command.PitchBend;
        _timbre = command.Timbre;
        _position = _isStrokePoint ? _placedAt : _layout.SourcePosition(_bend, _timbre);
        ComputeTargets();
        _targetGain.CopyTo(_gain, 0);
        _targetGain.CopyTo(_segmentGain, 0);
        _gliding = _moving = _targetsStale = false;
        CollectActive();
    }

    protected override void OnExpress(in Command command, MpeFields fields, VoiceSettings settings)
    {
        if (_isStrokePoint || (fields & (MpeFields.PitchBend | MpeFields.Timbre)) == 0) return;
        if ((fields & MpeFields.PitchBend) != 0) _bend = command.PitchBend;
        if ((fields & MpeFields.Timbre) != 0) _timbre = command.Timbre;
        // Worked out once per segment from the latest values, however many moves arrive.
        _targetsStale = true;
        _gliding = true;
    }

    public override void Render(ChannelBuffers output, int start, int count, RenderScratch scratch)
    {
        Span<float> source = scratch.Source.AsSpan(0, count);
        Span<float> fade = scratch.Fade.AsSpan(0, count);
        if (Generate(source, fade))
        {
            if (fade[0] != 1f) SpanMath.Scale(source, fade[0], 1f);
        }
        else
        {
            SpanMath.Multiply(source, fade);
        }
        int segment = (int)(scratch.Frame & (SegmentFrames - 1));
        for (int j = 0; j < count;)
        {
            bool moving = _gliding || _moving;
            if (moving && segment == 0) Advance();
            int length = moving ? Math.Min(SegmentFrames - segment, count - j) : count - j;
            ReadOnlySpan<float> piece = source.Slice(j, length);
            for (int a = 0; a < _activeCount; a++)
            {
                int t = _active[a];
                Span<float> o = output[t].Slice(start + j, length);
                float g0 = _segmentGain[t], dg = _gain[t] - g0;
                if (_moving) SpanMath.AddRamped(o, piece, g0, dg, GlideSegment.Ramp.AsSpan(segment, length));
                else SpanMath.AddScaled(o, piece, g0);
            }
            segment = (segment + length) & (SegmentFrames - 1);
            j += length;
        }
    }

    private void ComputeTargets()
    {
        Array.Clear(_targetGain);
        Span<int> taps = stackalloc int[PhantomPanner.MaxTaps];
        Span<float> weights = stackalloc float[PhantomPanner.MaxTaps];
        int n = _panner.Weights(_position, ref _triangle, taps, weights);
        for (int i = 0; i < n; i++) _targetGain[taps[i]] = MathF.Sqrt(weights[i]) * _layoutGains[taps[i]];
    }

    /// <summary>Segment boundary: every gain takes one glide step toward its target; within the
    /// segment it moves linearly from the old value to the new.</summary>
    private void Advance()
    {
        if (_targetsStale)
        {
            _targetsStale = false;
            _position = _layout.SourcePosition(_bend, _timbre);
            ComputeTargets();
        }
        (_segmentGain, _gain) = (_gain, _segmentGain);
        var k = Vector256.Create(_glideCoefficient);
        var slew = Vector256.Create(GainRateLimit * SegmentFrames);
        var snap = Vector256.Create(GainSnap);
        bool changed = false, gliding = false;
        for (int t = 0; t < _gain.Length; t += 8)
        {
            var g = Vector256.Create(_segmentGain.AsSpan(t, 8));
            var target = Vector256.Create(_targetGain.AsSpan(t, 8));
            var next = g + Vector256.MinNative(Vector256.MaxNative((target - g) * k, -slew), slew);
            next = Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Abs(target - next), snap), target, next);
            next.CopyTo(_gain.AsSpan(t, 8));
            changed |= !Vector256.EqualsAll(next, g);
            gliding |= !Vector256.EqualsAll(next, target);
        }
        (_moving, _gliding) = (changed, gliding);
        CollectActive();
    }

    private void CollectActive()
    {
        _activeCount = 0;
        for (int t = 0; t < _gain.Length; t += 8)
        {
            // Eight at a time: most of a large layout is silent for this voice.
            if ((Vector256.Create(_gain.AsSpan(t, 8)) | Vector256.Create(_segmentGain.AsSpan(t, 8))) == Vector256<float>.Zero) continue;
            for (int i = t; i < t + 8; i++)
            {
                if (_gain[i] != 0f || _segmentGain[i] != 0f) _active[_activeCount++] = i;
            }
        }
    }
}
