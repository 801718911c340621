using HapticShm.Shared.Protocol;

namespace HapticShm.Plugin.Core.Parameters;

/// <summary>One parameter as the host sees it: a linear map from normalized 0..1 to
/// <see cref="Min"/>..<see cref="Max"/>, optionally quantized to <see cref="StepCount"/> steps.</summary>
public sealed record PluginParameter(
    uint Id, string Title, string ShortTitle, string Units,
    double Min, double Max, double DefaultPlain, int StepCount,
    ParamId? EngineParam, bool IsBypass = false, bool IsHidden = false)
{
    /// <summary>The default as a normalized value.</summary>
    public double DefaultNormalized => ToNormalized(DefaultPlain);

    /// <summary>Normalized 0..1 (clamped, NaN -> default) to the plain value.</summary>
    public double ToPlain(double normalized)
    {
        if (double.IsNaN(normalized)) return DefaultPlain;
        normalized = Math.Clamp(normalized, 0.0, 1.0);
        if (StepCount > 0) normalized = Math.Round(normalized * StepCount) / StepCount;
        return Min + normalized * (Max - Min);
    }

    /// <summary>Plain value (clamped, NaN -> default) to normalized 0..1.</summary>
    public double ToNormalized(double plain)
    {
        if (double.IsNaN(plain)) plain = DefaultPlain;
        return Max > Min ? Math.Clamp((plain - Min) / (Max - Min), 0.0, 1.0) : 0.0;
    }
}
