using Targeting.Rules.Conditions;

namespace Targeting.Rules.Validation.Conditions;

/// <summary>The validators of all condition types, discovered once from this assembly.</summary>
internal static class ConditionValidators
{
    private static readonly IReadOnlyDictionary<Type, ConditionValidator> ByConditionType = typeof(ConditionValidator).Assembly
        .GetTypes()
        .Where(t => t.IsSubclassOf(typeof(ConditionValidator)) && !t.IsAbstract)
        .Select(t => (ConditionValidator)Activator.CreateInstance(t)!)
        .ToDictionary(v => v.ConditionType); // two validators for one type fail here, loudly

    public static ConditionValidator? For(Type conditionType) => ByConditionType.GetValueOrDefault(conditionType);

    public static void Validate(ValidationScope at, Condition? condition, LibraryIndex library)
    {
        if (condition is null)
        {
            at.Error("a condition is required");
            return;
        }
        if (For(condition.GetType()) is { } validator)
            validator.Validate(at, condition, library);
        else // a server bug, caught by a test; refuse rather than compile something unchecked
            at["type"].Error($"condition type '{condition.Type}' cannot be checked by this server");
    }
}
