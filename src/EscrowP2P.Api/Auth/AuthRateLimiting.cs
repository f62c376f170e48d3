using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Api.Auth;

public static class AuthRateLimiting
{
    /// <summary>Auth:PermitsPerMinute requests per client IP in each fixed one-minute window.</summary>
    public const string Policy = "auth";

    /// <summary>
    /// The "auth" rate-limit policy, per client IP: the forwarded client's when the request comes through a proxy
    /// listed in ForwardedHeaders:KnownProxies or KnownNetworks. Refusals are written by the shared rejection handler.
    /// </summary>
    public static IServiceCollection AddAuthRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(limiter => limiter.AddPolicy(Policy, context =>
        {
            var permits = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.PermitsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
}
