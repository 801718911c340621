namespace HapticShm.Plugin.Core.Parameters;

/// <summary>
/// The plugin's parameter ids as the host sees them. Engine parameters reuse the numbers of
/// <see cref="HapticShm.Shared.Protocol.ParamId"/>; the per-channel MIDI controllers the host
/// maps through IMidiMapping live in a hidden block starting at <see cref="MidiBase"/>.
/// </summary>
public static class ParameterIds
{
    public const uint WaveSpeed = 1;
    public const uint Routing = 2;
    public const uint Ceiling = 3;
    public const uint Attack = 4;
    public const uint Release = 5;
    /// <summary>Milliseconds added to every timestamp (not an engine parameter).</summary>
    public const uint HapticOffset = 6;
    public const uint Bypass = 100;

    /// <summary>First hidden MIDI parameter: id = MidiBase + channel * MidiStride + control.</summary>
    public const uint MidiBase = 1000;
    public const uint MidiStride = 4;
    public const int MidiChannels = 16;

    /// <summary>The hidden parameter that carries <paramref name="control"/> of MIDI channel <paramref name="channel"/>.</summary>
    public static uint Midi(int channel, MidiControl control) => MidiBase + (uint)channel * MidiStride + (uint)control;

    /// <summary>Decodes a hidden MIDI parameter id; false for any other id.</summary>
    public static bool TryDecodeMidi(uint id, out int channel, out MidiControl control)
    {
        uint offset = id - MidiBase;
        channel = (int)(offset / MidiStride);
        control = (MidiControl)(offset % MidiStride);
        return id >= MidiBase && (uint)channel < MidiChannels && (uint)control <= (uint)MidiControl.Timbre;
    }
}
