namespace Targeting.IntegrationTests.Infrastructure;

/// <summary>One embedded gateway (with its co-hosted silo) shared by the tests of a collection; each test uses its own account.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public GatewayFactory Factory { get; } = new();
    public TargetingClient Api { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Api = Factory.Api();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
