using System.Globalization;

namespace HapticShm.Server.Backends.Jack;

/// <summary>One line of a connect map: our output <see cref="Channel"/> (1-based, out_N) goes to
/// the JACK port <see cref="Destination"/>.</summary>
public sealed record ConnectMapEntry(int Line, int Channel, string Destination)
{
    /// <summary>Our port's short name, "out_N".</summary>
    public string SourcePort => string.Create(CultureInfo.InvariantCulture, $"out_{Channel}");
}
