namespace Targeting.Rules.Validation;

public enum LibraryObjectKind { EntryPoint, Flow, Behavior, Campaign }
