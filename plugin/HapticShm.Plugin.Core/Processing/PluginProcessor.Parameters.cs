using HapticShm.Plugin.Core.Parameters;
using HapticShm.Shared.Protocol;

namespace HapticShm.Plugin.Core.Processing;

public sealed partial class PluginProcessor
{
    // Set by LoadState (any thread), consumed by the audio thread; starts set so the first
    // block sends the initial values.
    private int _stateChanged = 1;

    /// <summary>The current normalized value of a parameter (any thread; a torn read is impossible
    /// for an aligned double on 64-bit).</summary>
    public double GetNormalized(uint parameterId)
    {
        int index = PluginParameters.IndexOf(parameterId);
        return index >= 0 ? Volatile.Read(ref _normalized[index]) : double.NaN;
    }

    /// <summary>The persistent parameters as a state blob (IComponent::getState).</summary>
    public byte[] SaveState() => ParameterState.Write(_normalized);

    /// <summary>Loads a state blob (IComponent::setState, any thread). The audio thread sends the
    /// changed engine parameters at its next block.</summary>
    public bool LoadState(ReadOnlySpan<byte> state)
    {
        double[] values = (double[])_normalized.Clone();
        if (!ParameterState.TryRead(state, values)) return false;
        for (int i = 0; i < PluginParameters.PersistentCount; i++) Volatile.Write(ref _normalized[i], values[i]);
        Volatile.Write(ref _stateChanged, 1);
        return true;
    }

    /// <summary>Sets a persistent parameter outside a block (CLAP params.flush while not processing:
    /// main thread, or the audio thread between blocks); the next block sends it. False for an
    /// unknown or hidden id or a value that is not a number.</summary>
    public bool SetNormalized(uint parameterId, double normalized)
    {
        int index = PluginParameters.IndexOf(parameterId);
        if ((uint)index >= (uint)PluginParameters.PersistentCount || !double.IsFinite(normalized)) return false;
        Volatile.Write(ref _normalized[index], Math.Clamp(normalized, 0.0, 1.0));
        Volatile.Write(ref _stateChanged, 1);
        return true;
    }

    private void ApplyParameter(uint parameterId, int sampleOffset, double normalized)
    {
        if (ParameterIds.TryDecodeMidi(parameterId, out int channel, out MidiControl control))
        {
            ApplyMidiControl(channel, control, normalized, sampleOffset);
            return;
        }
        int index = PluginParameters.IndexOf(parameterId);
        if (index < 0 || !double.IsFinite(normalized)) return;
        Volatile.Write(ref _normalized[index], Math.Clamp(normalized, 0.0, 1.0));
        if (parameterId == ParameterIds.HapticOffset) _hapticOffsetNs = ReadHapticOffsetNs();
        SendChangedParameters(sampleOffset);
    }

    /// <summary>Sends every engine parameter whose plain value differs from what was last sent,
    /// and applies bypass.</summary>
    private void SendChangedParameters(int sampleOffset)
    {
        IReadOnlyList<PluginParameter> all = PluginParameters.All;
        for (int i = 0; i < _sentPlain.Length; i++)
        {
            PluginParameter parameter = all[i];
            double plain = parameter.ToPlain(Volatile.Read(ref _normalized[i]));
            if (parameter.IsBypass)
            {
                SetBypass(plain >= 0.5, sampleOffset);
                continue;
            }
            if (plain == _sentPlain[i] || parameter.EngineParam is not ParamId engine) continue;
            _sentPlain[i] = plain;
            Emit(Command.Param(engine, (float)plain, TimestampAt(sampleOffset)));
        }
    }

    private void SetBypass(bool bypassed, int sampleOffset)
    {
        if (bypassed == _bypassed) return;
        _bypassed = bypassed;
        if (!bypassed) return;
        // Bypass releases what sounds; notes played while bypassed are ignored.
        ReleaseAllHeld(sampleOffset);
    }

    private void ApplyMidiControl(int channel, MidiControl control, double normalized, int sampleOffset)
    {
        float value = double.IsFinite(normalized) ? (float)Math.Clamp(normalized, 0.0, 1.0) : 0f;
        ref ChannelExpression expression = ref _channels[channel];
        MpeFields field;
        switch (control)
        {
            case MidiControl.Pressure:
                expression.Pressure = value;
                field = MpeFields.Pressure;
                break;
            case MidiControl.PitchBend:
                expression.PitchBend = Math.Clamp(value * 2f - 1f, -1f, 1f);
                field = MpeFields.PitchBend;
                break;
            default:
                expression.Timbre = value;
                field = MpeFields.Timbre;
                break;
        }
        if (control == MidiControl.Pressure) expression.HasPressure = true;
        // The engine applies channel expression to every voice of the channel: the held notes
        // follow, so a reconnect re-sends what they sound like now.
        for (int i = 0; i < _held.Count; i++)
        {
            ref HeldNote held = ref _held[i];
            if (held.Channel != channel) continue;
            if (field == MpeFields.Pressure) held.Pressure = expression.Pressure;
            else if (field == MpeFields.PitchBend) held.PitchBend = expression.PitchBend;
            else held.Timbre = expression.Timbre;
        }
        if (_bypassed) return;
        Emit(Command.Mpe((byte)channel, field, expression.Pressure, expression.PitchBend, expression.Timbre, TimestampAt(sampleOffset)));
    }

    /// <summary>After a (re)connect: every engine parameter, then every held note as a note-on
    /// carrying its latest expression (channel-wide and per-note), all at the block start. The
    /// engine keeps no channel state of its own, so the channels' expression needs no re-send:
    /// later notes carry it in their note-on.</summary>
    private void ResendAll()
    {
        Array.Fill(_sentPlain, double.NaN);
        SendChangedParameters(0);
        long now = TimestampAt(0);
        for (int i = 0; i < _held.Count; i++) Emit(NoteOnCommand(_held[i], now));
    }
}
