namespace Targeting.Rules.Validation.Conditions;

/// <summary>A min..max pair of amounts (cart totals, prices): both given, min ≥ 0, min ≤ max.</summary>
internal static class Ranges
{
    public static void Validate(ValidationScope at, decimal? min, decimal? max, string what)
    {
        if (min is null) at["min"].Error($"min is required for {what}");
        else if (min < 0) at["min"].Error($"min must be 0 or more, got {min}");
        if (max is null) at["max"].Error($"max is required for {what}");
        else if (max < 0) at["max"].Error($"max must be 0 or more, got {max}");
        if (min > max) at["min"].Error($"min {min} is greater than max {max}");
    }

    public static void Absent(ValidationScope at, decimal? min, decimal? max, string why)
    {
        if (min is not null) at["min"].Error($"min does not apply {why}");
        if (max is not null) at["max"].Error($"max does not apply {why}");
    }
}
