namespace HapticShm.Shared.Protocol;

/// <summary>Engine parameters set by <see cref="CommandKind.Param"/> commands. Ranges are in
/// <see cref="ParamRanges"/>.</summary>
public enum ParamId
{
    /// <summary>Travelling-wave speed in m/s (20..500).</summary>
    WaveSpeed = 1,
    /// <summary>Which pool a note goes to (<see cref="StimulusRouting"/>).</summary>
    Routing = 2,
    /// <summary>Hard output ceiling, linear (0..1).</summary>
    Ceiling = 3,
    /// <summary>Envelope attack in seconds (0..10).</summary>
    AttackSeconds = 4,
    /// <summary>Envelope release in seconds (0..10).</summary>
    ReleaseSeconds = 5,
    /// <summary>Master gain, linear (0..1).</summary>
    MasterGain = 6,
}

/// <summary>Values of <see cref="ParamId.Routing"/>.</summary>
public enum StimulusRouting
{
    /// <summary>Velocity below 64 plays a travelling wave, else a standing wave.</summary>
    ByVelocity = 0,
    /// <summary>Every note plays a travelling wave.</summary>
    Wave = 1,
    /// <summary>Every note plays a standing wave.</summary>
    Standing = 2,
    /// <summary>Every note plays a phantom point source at its bend/timbre position.</summary>
    Phantom = 3,
    /// <summary>Every note draws a stroke of phantom points from its bend/timbre position to the
    /// point mirrored through the layout's centre, in one second.</summary>
    Stroke = 4,
}
