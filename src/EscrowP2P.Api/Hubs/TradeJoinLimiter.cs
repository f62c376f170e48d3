using System.Threading.RateLimiting;
using EscrowP2P.Api.Infrastructure;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Api.Hubs;

/// <summary>
/// RateLimits:TradeJoinsPerMinute JoinTrade calls per user in each one-minute window. Hub invocations do not pass
/// through the HTTP rate-limiting middleware, so the hub asks this limiter itself.
/// </summary>
public sealed class TradeJoinLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(user =>
        RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.TradeJoinsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public bool TryAcquire(string user)
    {
        using var lease = _limiter.AttemptAcquire(user);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
