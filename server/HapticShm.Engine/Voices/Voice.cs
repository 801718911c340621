using HapticShm.Engine.Audio;
using HapticShm.Engine.Dsp;
using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Voices;

/// <summary>
/// What every voice has: identity (client, channel, note, note id), a sine carrier, an
/// attack/sustain/release envelope, an amplitude (velocity x pressure, smoothed) and an output
/// fade used for stealing, panic and client fade-out. Subclasses decide where the signal goes.
/// Everything is allocated in the constructor; rendering is plain arithmetic.
/// </summary>
internal abstract class Voice
{
    private const float MinReleaseSeconds = 0.002f; // even "release 0" ramps, so note-off never clicks
    private const float AmplitudeSeconds = 0.002f; // pressure smoothing time constant

    private readonly int _sampleRate;
    private readonly float _amplitudeCoefficient;
    private readonly SineOscillator _oscillator = new();
    private double _omega;
    private float _envelope, _attackStep, _releaseStep;
    private EnvelopeStage _stage;
    private float _amplitude, _targetAmplitude;
    private float _fade, _fadeStep;

    protected Voice(int sampleRate)
    {
        _sampleRate = sampleRate;
        _amplitudeCoefficient = 1f - MathF.Exp(-1f / (AmplitudeSeconds * sampleRate));
    }

    private enum EnvelopeStage { Attack, Sustain, Release, Done }

    public VoiceState State { get; private set; }
    public int ClientId { get; private set; }
    public int Channel { get; private set; }
    public int Note { get; private set; }
    public int NoteId { get; private set; }
    public long StartOrder { get; private set; }
    public bool IsReleased => _stage >= EnvelopeStage.Release;
    public float FadeGain => _fade;
    /// <summary>Output amplitude now (envelope x amplitude x fade), for displays.</summary>
    public float Level => _envelope * _amplitude * _fade;
    protected int SampleRate => _sampleRate;
    protected double Omega => _omega;
    protected bool EnvelopeDone => _stage == EnvelopeStage.Done;

    public void Start(in Command command, int clientId, long startOrder, VoiceSettings settings)
    {
        State = VoiceState.Playing;
        ClientId = clientId;
        Channel = command.Channel;
        Note = command.Note;
        NoteId = command.NoteId;
        StartOrder = startOrder;
        _omega = 2 * Math.PI * NoteFrequency.Hz(command.Note) / _sampleRate;
        _oscillator.Start(_omega);
        _envelope = 0f;
        _attackStep = settings.AttackSeconds <= 0 ? 1f : 1f / (settings.AttackSeconds * _sampleRate);
        _releaseStep = 1f / (MathF.Max(settings.ReleaseSeconds, MinReleaseSeconds) * _sampleRate);
        _stage = EnvelopeStage.Attack;
        _amplitude = _targetAmplitude = command.Velocity * command.Pressure;
        _fade = 1f;
        _fadeStep = 0f;
        Velocity = command.Velocity;
        OnStart(command, settings);
    }

    public void Release()
    {
        if (_stage < EnvelopeStage.Release) _stage = EnvelopeStage.Release;
    }

    /// <summary>Applies the flagged fields of an MPE command.</summary>
    public void Express(in Command command, VoiceSettings settings)
    {
        MpeFields fields = command.Fields;
        if ((fields & MpeFields.Pressure) != 0) _targetAmplitude = Velocity * command.Pressure;
        OnExpress(command, fields, settings);
    }

    /// <summary>Ramps the output linearly to silence over <paramref name="seconds"/>; the voice
    /// is freed when it gets there. A shorter fade already running is kept.</summary>
    public void FadeOut(float seconds)
    {
        float step = 1f / MathF.Max(1f, seconds * _sampleRate);
        if (State == VoiceState.Fading && _fadeStep >= step) return;
        State = VoiceState.Fading;
        _fadeStep = step;
    }

    public void Free() => State = VoiceState.Free;

    /// <summary>Adds this voice's output for frames [start, start + count) (count &lt;= scratch size).</summary>
    public abstract void Render(ChannelBuffers output, int start, int count, RenderScratch scratch);

    /// <summary>True for a voice the engine drives on its own schedule (a stroke point): note-off
    /// and expression leave it alone.</summary>
    public virtual bool IsScripted => false;

    /// <summary>True once nothing more can be heard.</summary>
    public abstract bool IsFinished { get; }

    protected float Velocity { get; private set; } = 1f;

    protected virtual void OnStart(in Command command, VoiceSettings settings) { }

    protected virtual void OnExpress(in Command command, MpeFields fields, VoiceSettings settings) { }

    protected bool FadeDone => State == VoiceState.Fading && _fade <= 0f;

    /// <summary>Writes the dry source (carrier x envelope x amplitude) and the output fade for
    /// <paramref name="source"/>.Length frames, advancing the voice. Returns true when the fade is
    /// the same for the whole chunk: then only <paramref name="fade"/>[0] is written.</summary>
    protected bool Generate(Span<float> source, Span<float> fade)
    {
        // The first sample is sin(0) = 0, so even an instant attack starts without a jump.
        if (_stage == EnvelopeStage.Sustain && _amplitude == _targetAmplitude && _fadeStep == 0f)
        {
            // Steady: one gain for the whole chunk, applied as the carrier is written (envelope = 1).
            _oscillator.Render(source, _envelope * _amplitude);
            fade[0] = _fade;
            return true;
        }
        _oscillator.Render(source, 1f);
        for (int j = 0; j < source.Length; j++)
        {
            switch (_stage)
            {
                case EnvelopeStage.Attack:
                    _envelope += _attackStep;
                    if (_envelope >= 1f) { _envelope = 1f; _stage = EnvelopeStage.Sustain; }
                    break;
                case EnvelopeStage.Release:
                    _envelope -= _releaseStep;
                    if (_envelope <= 0f) { _envelope = 0f; _stage = EnvelopeStage.Done; }
                    break;
            }
            float delta = _targetAmplitude - _amplitude;
            _amplitude = MathF.Abs(delta) < 1e-6f ? _targetAmplitude : _amplitude + delta * _amplitudeCoefficient;
            source[j] = source[j] * _envelope * _amplitude;
            fade[j] = _fade;
            if (_fadeStep > 0f) _fade = MathF.Max(0f, _fade - _fadeStep);
        }
        // The fade only ramps down, so equal ends mean a constant fade.
        return fade[0] == fade[source.Length - 1];
    }
}
