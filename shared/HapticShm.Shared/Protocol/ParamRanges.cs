namespace HapticShm.Shared.Protocol;

/// <summary>The valid range and default of each <see cref="ParamId"/>.</summary>
public static class ParamRanges
{
    /// <summary>Returns false for an unknown parameter id.</summary>
    public static bool TryGet(ParamId id, out float min, out float max, out float defaultValue)
    {
        (min, max, defaultValue) = id switch
        {
            ParamId.WaveSpeed => (20f, 500f, 100f),
            ParamId.Routing => (0f, 4f, 0f),
            ParamId.Ceiling => (0f, 1f, 1f),
            ParamId.AttackSeconds => (0f, 10f, 0.1f),
            ParamId.ReleaseSeconds => (0f, 10f, 0.5f),
            ParamId.MasterGain => (0f, 1f, 1f),
            _ => (float.NaN, float.NaN, float.NaN),
        };
        return !float.IsNaN(min);
    }
}
