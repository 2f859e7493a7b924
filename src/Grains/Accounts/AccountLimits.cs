using Targeting.Rules.Validation;

namespace Targeting.Accounts;

/// <summary>Configuration section <c>Targeting:Limits</c> (the per-account part).</summary>
public sealed class AccountLimits
{
    public const string Section = "Targeting:Limits";

    /// <summary>Entry points, flows, behaviors or campaigns one account may hold, each; a PUT of one more is 400.</summary>
    public int MaxLibraryObjectsPerKind { get; set; } = Limits.MaxLibraryObjectsPerKind;
}
