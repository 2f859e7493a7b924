namespace Targeting.Gateway.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>
    /// Seeds the demo account at start-up unless <c>Targeting:Demo:Enabled</c> is false.
    /// Call it only in embedded mode: a gateway in front of a shared cluster must not create accounts.
    /// </summary>
    public static IServiceCollection AddDemoSeeder(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue("Targeting:Demo:Enabled", defaultValue: true))
            services.AddHostedService<DemoSeeder>();
        return services;
    }
}
