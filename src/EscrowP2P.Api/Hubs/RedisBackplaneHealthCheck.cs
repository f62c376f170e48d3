using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EscrowP2P.Api.Hubs;

/// <summary>
/// Degraded, never unhealthy, while the backplane's Redis is unreachable: REST and ingestion go on and clients catch
/// up with JoinTrade, so a proxy must keep sending traffic to this instance; only live pushes are missing.
/// </summary>
public sealed class RedisBackplaneHealthCheck(RedisBackplaneConnection backplane) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (backplane.Current is null)
        {
            _ = backplane.GetAsync(); // opens it if nothing has yet, without waiting for a Redis that may be down
            return Task.FromResult(Degraded("the connection to Redis is being opened"));
        }
        return Task.FromResult(backplane.IsConnected ? HealthCheckResult.Healthy("Redis carries hub messages") : Degraded("Redis does not answer; reconnecting"));
    }

    private static HealthCheckResult Degraded(string reason) =>
        HealthCheckResult.Degraded($"{reason}: live hub updates are not delivered (clients catch up with JoinTrade); REST and ingestion go on");
}
