using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;
using Targeting.Gateway.Apis;
using Targeting.Gateway.Demo;
using Targeting.Gateway.Infrastructure;
using Targeting.Gateway.Tag;
using Orleans.Dashboard;
using Targeting.Hosting;
using Targeting.Rules;
using Targeting.Sessions;
using Targeting.Telemetry;

var builder = WebApplication.CreateBuilder(args);

// Orleans: by default (Targeting:Cluster:Embedded) a co-hosted silo; else a client of an external cluster.
var embedded = builder.Configuration.GetValue("Targeting:Cluster:Embedded", true);
if (embedded)
    builder.UseOrleans(silo => silo.AddTargetingSilo(builder.Configuration));
else
    builder.UseOrleansClient(client => client.AddTargetingClient(builder.Configuration));

var operatorKey = GatewaySetup.OperatorKey(builder.Configuration, embedded);
builder.Services.AddSingleton(new OperatorKey(operatorKey));
builder.Services.AddSingleton(SessionIds.From(builder.Configuration, operatorKey));
builder.Services.Configure<JsonOptions>(o => RulesJson.Configure(o.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // malformed bodies reach ExceptionProblems
builder.Services.AddOptions<SessionLifetimeOptions>().Bind(builder.Configuration.GetSection(SessionLifetimeOptions.Section));
builder.Services.AddOptions<SseOptions>().Bind(builder.Configuration.GetSection(SseOptions.Section));
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDefaults.Apply);
builder.Services.AddExceptionHandler<ExceptionProblems>();
builder.Services.AddCors(o => o.AddPolicy(SessionsApi.CorsPolicy, p => p.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod()));
builder.Services.AddOpenApi();
builder.Services.AddTargetingRateLimits(builder.Configuration);
builder.Services.AddSingleton<SseConnections>();
builder.Services.AddTargetingTelemetry(builder.Configuration);
if (embedded) builder.Services.AddDemoSeeder(builder.Configuration);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.UseRateLimiter();
app.UseMiddleware<BodyLimit>();
app.UseAccountLogScopes();

app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealthApi();
app.MapAccountsApi();
app.MapLibraryApi();
app.MapSessionsApi();
app.MapExplanationApi();
if (TargetingHosting.DashboardEnabled(builder.Configuration))
    app.MapOrleansDashboard(routePrefix: "/dashboard").AddEndpointFilter(OperatorOnly.Require);

app.MapWebTag();
app.MapDemo();

app.Run();

public partial class Program;
