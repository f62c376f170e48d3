using EscrowP2P.Chain.Events;
using EscrowP2P.Core.Events;
using EscrowP2P.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Api.Infrastructure;

/// <summary>
/// Ready only while chain events are ingested and no more than Events:MaxHealthyLagBlocks behind the head. The leader
/// reports its own progress; a follower, which ingests nothing itself, reads the cursor the leader stored and compares
/// it with the node's head. Always ready on an instance that does not ingest (Events:Ingest=false).
/// </summary>
public sealed class IngestionHealthCheck(
    IngestionProgress progress,
    IngestionLeadership leadership,
    IDbContextFactory<EscrowDbContext> dbFactory,
    IEscrowLogReader node,
    WebSocketHeadWatcher heads,
    IOptions<EventOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        !options.Value.Ingest ? HealthCheckResult.Healthy("this instance does not ingest (Events:Ingest=false)", Data(leader: false, null, null, null))
        : leadership.IsLeader ? LeaderHealth()
        : await FollowerHealthAsync(cancellationToken);

    private HealthCheckResult LeaderHealth()
    {
        var data = Data(leader: true, progress.Head, progress.Cursor, progress.Lag);
        return progress switch
        {
            { LastSuccessAt: null } => HealthCheckResult.Unhealthy("event ingestion has not completed a pass yet", data: data),
            { LastError: not null } => HealthCheckResult.Unhealthy("event ingestion is failing and retrying", data: data),
            { Lag: { } lag } when lag > options.Value.MaxHealthyLagBlocks => HealthCheckResult.Unhealthy($"event ingestion is {lag} blocks behind", data: data),
            _ => HealthCheckResult.Healthy(data: data),
        };
    }

    private async Task<HealthCheckResult> FollowerHealthAsync(CancellationToken cancellationToken)
    {
        long? cursor;
        long head;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            cursor = await db.ChainCursors.AsNoTracking().Select(c => (long?)c.BlockNumber).SingleOrDefaultAsync(cancellationToken);
            head = await node.GetHeadAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the stored ingestion cursor or the node's head could not be read", ex, Data(leader: false, null, null, null));
        }
        var lag = cursor is { } stored ? Math.Max(0, head - stored) : (long?)null;
        var data = Data(leader: false, head, cursor, lag);
        return lag switch
        {
            null => HealthCheckResult.Unhealthy("no instance has ingested chain events yet", data: data),
            { } behind when behind > options.Value.MaxHealthyLagBlocks => HealthCheckResult.Unhealthy($"event ingestion (by the leading instance) is {behind} blocks behind", data: data),
            _ => HealthCheckResult.Healthy("another instance leads event ingestion", data: data),
        };
    }

    private Dictionary<string, object> Data(bool leader, long? head, long? cursor, long? lag) => new()
    {
        ["leader"] = leader,
        ["head"] = head ?? -1,
        ["cursor"] = cursor ?? -1,
        ["lagBlocks"] = lag ?? -1,
        // False means new heads are found by polling (no WebSocket endpoint, or it is reconnecting).
        ["webSocketHeads"] = heads.IsConnected,
    };
}
