namespace Targeting.ClusterTests;

/// <summary>Tests that run whole clusters of processes take turns: two cores do not run two clusters well.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
}
