using System.Numerics;

namespace HapticShm.Engine;

/// <summary>Where one sounding voice's stimulus comes from, for displays (the editor, the monitor).</summary>
/// <param name="Position">Source point in metres (layout coordinates); a standing wave reports the layout's centre.</param>
/// <param name="Level">Output amplitude now: envelope x velocity x pressure x fade, 0..1.</param>
/// <param name="IsStanding">True for a standing wave, false for a travelling wave.</param>
/// <param name="ClientId">Client that started the voice.</param>
/// <param name="Note">MIDI note number.</param>
/// <param name="IsReleased">Released or fading out.</param>
/// <param name="IsPhantom">True for a phantom point source (or a point of a stroke): the vibration is felt at Position itself.</param>
public readonly record struct VoiceSource(Vector2 Position, float Level, bool IsStanding, int ClientId, int Note, bool IsReleased, bool IsPhantom = false);
