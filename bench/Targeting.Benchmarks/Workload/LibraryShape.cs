namespace Targeting.Benchmarks.Workload;

/// <summary>
/// How big an account is and which condition types its behaviors use. The realistic shape
/// grows entry points, flows and behaviors with the engagements; the scaling shape keeps
/// exactly <see cref="CartConditions"/> cart conditions whatever the size.
/// </summary>
public sealed record LibraryShape(int Engagements, int? CartConditions = null, bool TimeConditions = true)
{
    public int EntryPoints => 10 + Engagements / 20;
    public int Flows => 2 + Engagements / 100;
    public int Behaviors => Math.Max(5, Engagements / 2);

    public static LibraryShape Realistic(int engagements) => new(engagements);

    /// <summary>Few conditions a cart update can change, however many engagements.</summary>
    public static LibraryShape FewCartConditions(int engagements) => new(engagements, CartConditions: 10, TimeConditions: false);
}
