using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace HapticShm.Cli.Verbs;

/// <summary>Range checks on options, so a bad value is a parse error (one line, exit 1) before
/// a verb starts servers or jackd.</summary>
internal static class OptionRules
{
    /// <summary>The value must be greater than zero.</summary>
    public static Option<T> Positive<T>(this Option<T> option) where T : INumber<T>
    {
        option.Validators.Add(result =>
        {
            if (TryGetValue(result, out T value) && value <= T.Zero) result.AddError($"{option.Name} must be positive, not {Format(value)}");
        });
        return option;
    }

    /// <summary>The value must lie in <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static Option<T> Within<T>(this Option<T> option, T min, T max) where T : INumber<T>
    {
        option.Validators.Add(result =>
        {
            if (TryGetValue(result, out T value) && (value < min || value > max)) result.AddError($"{option.Name} takes {Format(min)}..{Format(max)}, not {Format(value)}");
        });
        return option;
    }

    /// <summary>The value, unless the text did not convert (that error is already reported).</summary>
    public static bool TryGetValue<T>(OptionResult result, out T value) => TryRead(result.GetValueOrDefault<T>, out value);

    /// <inheritdoc cref="TryGetValue{T}(OptionResult, out T)"/>
    public static bool TryGetValue<T>(ArgumentResult result, out T value) => TryRead(result.GetValueOrDefault<T>, out value);

    private static bool TryRead<T>(Func<T> read, out T value)
    {
        try
        {
            value = read();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }

    private static string Format<T>(T value) where T : INumber<T> => value.ToString(null, CultureInfo.InvariantCulture);
}
