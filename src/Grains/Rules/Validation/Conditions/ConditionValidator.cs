using Targeting.Rules.Conditions;

namespace Targeting.Rules.Validation.Conditions;

/// <summary>
/// Checks the fields of one condition type. Each type has its own subclass of
/// <see cref="ConditionValidator{T}"/> in its own file; <see cref="ConditionValidators"/> finds
/// them, so a new condition type needs one new validator file and nothing else.
/// </summary>
internal abstract class ConditionValidator
{
    public abstract Type ConditionType { get; }

    public abstract void Validate(ValidationScope at, Condition condition, LibraryIndex library);
}

internal abstract class ConditionValidator<T> : ConditionValidator where T : Condition
{
    public sealed override Type ConditionType => typeof(T);

    public sealed override void Validate(ValidationScope at, Condition condition, LibraryIndex library) =>
        Validate(at, (T)condition, library);

    protected abstract void Validate(ValidationScope at, T condition, LibraryIndex library);
}
