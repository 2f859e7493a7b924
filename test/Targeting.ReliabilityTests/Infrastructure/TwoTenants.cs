namespace Targeting.ReliabilityTests.Infrastructure;

/// <summary>
/// One gateway with two accounts: the victim (a library object of every kind, a campaign, a
/// session) and the intruder (its own key and session). Shared by the tenancy and fuzz tests.
/// </summary>
public sealed class TwoTenants : IAsyncLifetime
{
    public TestGateway Gateway { get; } = new(new Dictionary<string, string?> { ["Targeting:RateLimits:Admin:PermitLimit"] = "1000000" });
    public Api Api { get; private set; } = null!;
    public Account Victim { get; private set; } = null!;
    public Account Intruder { get; private set; } = null!;
    public Session VictimSession { get; private set; } = null!;
    public Session IntruderSession { get; private set; } = null!;

    public static readonly object EntryPoint = new { name = "Checkout", matchers = new object[] { new { kind = "url", @operator = "contains", value = "/checkout" } } };

    public static readonly object Flow = new
    {
        name = "Checkout flow",
        steps = new object[]
        {
            new { matcher = new { kind = "url", @operator = "contains", value = "/cart" }, required = true },
            new { matcher = new { kind = "url", @operator = "contains", value = "/checkout" }, required = true },
        },
    };

    public static readonly object Behavior = new
    {
        name = "Abandoners",
        match = "all",
        conditions = new object[]
        {
            new { type = "flow", flowId = "flow-1", trigger = "abandoned" },
            new { type = "cartValue", @operator = "between", min = 50, max = 100 },
        },
    };

    public static readonly object Campaign = new
    {
        name = "Rescue",
        status = "published",
        priority = 10,
        engagements = new object[]
        {
            new { id = "help", name = "Help", source = "web", kind = "overlay", behaviorId = "behavior-1", entryPointIds = new[] { "ep-1" } },
            new { id = "chat", name = "Chat", source = "web", kind = "chatButton", behaviorId = (string?)null },
        },
    };

    public static readonly (string Collection, string Id, object Body)[] Library =
    [
        ("entry-points", "ep-1", EntryPoint),
        ("flows", "flow-1", Flow),
        ("behaviors", "behavior-1", Behavior),
        ("campaigns", "campaign-1", Campaign),
    ];

    public async Task InitializeAsync()
    {
        Api = Gateway.Api();
        Victim = await Api.CreateAccountAsync("victim");
        Intruder = await Api.CreateAccountAsync("intruder");
        foreach (var (collection, id, body) in Library) await Victim.PutOkAsync(collection, id, body);
        VictimSession = await Victim.StartSessionAsync();
        IntruderSession = await Intruder.StartSessionAsync();
    }

    public async Task DisposeAsync() => await Gateway.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class TwoTenantsCollection : ICollectionFixture<TwoTenants>
{
    public const string Name = "two tenants";
}
