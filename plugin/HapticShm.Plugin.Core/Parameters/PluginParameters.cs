using HapticShm.Shared.Protocol;

namespace HapticShm.Plugin.Core.Parameters;

/// <summary>The fixed parameter table: five engine parameters, bypass, the haptic offset, then the 48 hidden MIDI
/// controller parameters (16 channels x pressure, pitch bend, CC74).</summary>
public static class PluginParameters
{
    /// <summary>Every parameter, in the order the controller reports them.</summary>
    public static IReadOnlyList<PluginParameter> All { get; } = Build();

    /// <summary>Number of parameters saved in the state (the visible ones).</summary>
    public static int PersistentCount { get; } = All.Count(p => !p.IsHidden);

    /// <summary>Index of <paramref name="id"/> in <see cref="All"/>, or -1. Allocation-free.</summary>
    public static int IndexOf(uint id)
    {
        if (ParameterIds.TryDecodeMidi(id, out int channel, out MidiControl control))
            return PersistentCount + channel * 3 + (int)control;
        return id switch
        {
            ParameterIds.WaveSpeed => 0,
            ParameterIds.Routing => 1,
            ParameterIds.Ceiling => 2,
            ParameterIds.Attack => 3,
            ParameterIds.Release => 4,
            ParameterIds.Bypass => 5,
            ParameterIds.HapticOffset => 6,
            _ => -1,
        };
    }

    private static PluginParameter[] Build()
    {
        var list = new List<PluginParameter>
        {
            Engine(ParameterIds.WaveSpeed, "Wave speed", "Speed", "m/s", ParamId.WaveSpeed, 0),
            Engine(ParameterIds.Routing, "Routing", "Route", "", ParamId.Routing, 4),
            Engine(ParameterIds.Ceiling, "Ceiling", "Ceil", "", ParamId.Ceiling, 0),
            Engine(ParameterIds.Attack, "Attack", "Att", "s", ParamId.AttackSeconds, 0),
            Engine(ParameterIds.Release, "Release", "Rel", "s", ParamId.ReleaseSeconds, 0),
            new(ParameterIds.Bypass, "Bypass", "Byp", "", 0, 1, 0, 1, null, IsBypass: true),
            // Delays (or advances) every command to line the transducers up with the DAW's audio output.
            new(ParameterIds.HapticOffset, "Haptic offset", "Offset", "ms", -50, 500, 0, 0, null),
        };
        string[] names = ["Aftertouch", "Pitch bend", "CC74"];
        double[] defaults = [0.0, 0.5, 0.5];
        for (int channel = 0; channel < ParameterIds.MidiChannels; channel++)
        {
            for (int control = 0; control < 3; control++)
            {
                string title = $"{names[control]} ch {channel + 1}";
                list.Add(new(ParameterIds.Midi(channel, (MidiControl)control), title, title, "", 0, 1, defaults[control], 0, null, IsHidden: true));
            }
        }
        return [.. list];
    }

    private static PluginParameter Engine(uint id, string title, string shortTitle, string units, ParamId engine, int steps)
    {
        ParamRanges.TryGet(engine, out float min, out float max, out float defaultValue);
        return new PluginParameter(id, title, shortTitle, units, min, max, defaultValue, steps, engine);
    }
}
