using EscrowP2P.Chain.Events;
using EscrowP2P.Core.Events;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Api.Infrastructure;

/// <summary>
/// Ready only while chain events are ingested and no more than Events:MaxHealthyLagBlocks behind the head; always ready
/// on an instance that does not ingest (Events:Ingest=false).
/// </summary>
public sealed class IngestionHealthCheck(IngestionProgress progress, WebSocketHeadWatcher heads, IOptions<EventOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["head"] = progress.Head ?? -1,
            ["cursor"] = progress.Cursor ?? -1,
            ["lagBlocks"] = progress.Lag ?? -1,
            // False means new heads are found by polling (no WebSocket endpoint, or it is reconnecting).
            ["webSocketHeads"] = heads.IsConnected,
        };
        if (!options.Value.Ingest) return Task.FromResult(HealthCheckResult.Healthy("this instance does not ingest (Events:Ingest=false)"));
        var result = progress switch
        {
            { LastSuccessAt: null } => HealthCheckResult.Unhealthy("event ingestion has not completed a pass yet", data: data),
            { LastError: not null } => HealthCheckResult.Unhealthy("event ingestion is failing and retrying", data: data),
            { Lag: { } lag } when lag > options.Value.MaxHealthyLagBlocks => HealthCheckResult.Unhealthy($"event ingestion is {lag} blocks behind", data: data),
            _ => HealthCheckResult.Healthy(data: data),
        };
        return Task.FromResult(result);
    }
}
