using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace Targeting.Telemetry;

/// <summary>
/// OpenTelemetry metrics for a silo or gateway process: the product's meter and Orleans'. Export
/// goes over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard variable), and to
/// the console when <c>Targeting:Telemetry:Console</c> is true (handy on a laptop).
/// </summary>
public static class TelemetrySetup
{
    public static IServiceCollection AddTargetingTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(TargetingMetrics.MeterName, "Microsoft.Orleans");
            if (!string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) metrics.AddOtlpExporter();
            if (configuration.GetValue("Targeting:Telemetry:Console", false)) metrics.AddConsoleExporter();
        });
        return services;
    }
}
