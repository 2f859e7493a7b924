namespace Targeting.Rules.Events;

/// <summary>A page (web: absolute url, optional title and sections) or app section (mobile: sections) view.</summary>
public sealed record PageViewEvent : VisitorEvent
{
    public string? Url { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string>? Sections { get; init; }

    public override EventKinds Kind => EventKinds.PageView;
}
