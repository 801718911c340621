using HapticShm.Plugin.Core.Parameters;

namespace HapticShm.Plugin.Core.Editor;

/// <summary>One parameter the editor shows as a slider: its value now and its text.</summary>
public sealed class EditorControl(PluginParameter parameter, int parameterIndex)
{
    /// <summary>The parameter.</summary>
    public PluginParameter Parameter { get; } = parameter;

    /// <summary>Its index in <see cref="PluginParameters.All"/> (and in the controller's values).</summary>
    public int ParameterIndex { get; } = parameterIndex;

    /// <summary>Normalized value 0..1.</summary>
    public double Normalized { get; private set; }

    /// <summary>"Wave speed 100.0 m/s".</summary>
    public TextLine Text { get; } = new(64);

    internal void Set(double normalized)
    {
        if (normalized == Normalized && Text.Length > 0) return;
        Normalized = normalized;
        double plain = Parameter.ToPlain(normalized);
        Text.Clear().Append(Parameter.Title).Append(" ");
        if (Parameter.Id == ParameterIds.Routing) Text.Append(plain switch { < 0.5 => "by velocity", < 1.5 => "wave", < 2.5 => "standing", < 3.5 => "phantom", _ => "stroke" });
        else Text.Append(plain, Parameter.Max >= 100 ? 0 : 2);
        if (Parameter.Units.Length > 0) Text.Append(" ").Append(Parameter.Units);
    }
}
