using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using EscrowP2P.Core.Events;
using OpenTelemetry.Metrics;
using EscrowP2P.Api.OpenApi;

namespace EscrowP2P.Api.Infrastructure;

public static class OperationsExtensions
{
    /// <summary>Checks with this tag make up /health/ready.</summary>
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<RpcNodeHealthCheck>("rpc-node", tags: [ReadyTag])
            .AddCheck<IngestionHealthCheck>("ingestion", tags: [ReadyTag]);
        builder.Services.AddApiDocument();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(IngestionMetrics.MeterName, "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>/health/live (the process answers), /health/ready (its dependencies answer), /metrics (Prometheus), the
    /// OpenAPI document at /openapi/v1.json, and in Development (or with OpenApi:ReferencePage) an API reference page.</summary>
    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteJson });
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapApiDocument();
        return app;
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }, cancellationToken: context.RequestAborted);
    }
}
