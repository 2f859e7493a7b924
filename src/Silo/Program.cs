using Targeting.Hosting;
using Targeting.Telemetry;

// A silo on its own: configure with appsettings.json, environment (Targeting__Silo__SiloPort=11112)
// or the command line (--Targeting:Silo:SiloPort=11112); see the README's configuration section.
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.AddTargetingSilo(builder.Configuration));
builder.Services.AddTargetingTelemetry(builder.Configuration);
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30)); // time to hand grains over gracefully
builder.Build().Run();
