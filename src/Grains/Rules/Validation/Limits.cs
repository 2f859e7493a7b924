using Targeting.Rules.Compilation;
using Targeting.Rules.Conditions;
using Targeting.Rules.Matching;

namespace Targeting.Rules.Validation;

/// <summary>
/// Every size limit of the API in one place, so the gateway (request size checks, OpenAPI
/// descriptions) and the validators agree. Bodies come from the internet: each list and
/// string has a cap, so no request can make a silo hold or compile something unbounded.
/// </summary>
public static class Limits
{
    // Library objects
    public const int MaxNameLength = 200;
    public const int MaxStringLength = 2048;
    public const int MaxMatchers = 50;
    public const int MinFlowSteps = 2;
    public const int MaxFlowSteps = CompiledFlow.MaxSteps;
    public const int MaxRegexLength = PageMatcher.MaxRegexLength;
    public const int MinConditions = 1;
    public const int MaxConditions = 50;
    public const int MaxValues = 100;
    public const int MaxEngagements = 100;
    public const int MaxEntryPointIds = 50;
    public const int MaxIdentifierLength = 64;
    public const int MaxCurrencyLength = 16;
    public const int MinSeconds = 1;
    public const int MaxSeconds = TimeOnEntryPointCondition.MaxSeconds;

    // Per account: one account grain holds its whole library in one storage row (Azure Table:
    // at most 15 × 64 KiB), so both the count and the stored size are capped.
    public const int MaxLibraryObjectsPerKind = 1000;
    public const int MaxLibraryBytes = 768 * 1024;

    // Visitor events
    public const int MinEvents = 1;
    public const int MaxEvents = 100;
    public const int MaxEventIdLength = 128;
    public const int MaxUrlLength = 2048;
    public const int MaxTitleLength = 512;
    public const int MaxSections = 20;
    public const int MaxSectionLength = 128;
    public const int MaxCartProducts = 200;
    public const int MaxViewedProducts = 50;
    public const int MaxProductFieldLength = 256;
    public const int MaxErrorMessageLength = 2048;
    public const int MaxErrorCodeLength = 128;
    public const int MaxTopicLength = 256;
}
