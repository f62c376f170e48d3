using System.Globalization;
using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Threading.RateLimiting;
using EscrowP2P.Api.Auth;
using EscrowP2P.Api.Hubs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Api.Infrastructure;

public static class RateLimitingExtensions
{
    /// <summary>
    /// ASP.NET Core's rate limiter with the per-user policies (RateLimits:*, validated at start) next to the sign-in
    /// policy, and 429 problem details with Retry-After for every refusal. The hub limits JoinTrade itself.
    /// </summary>
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TradeJoinLimiter>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicies.Prepare, context => PerUser(context, o => o.PreparesPerMinute));
            limiter.AddPolicy(RateLimitPolicies.OfferChanges, context => PerUser(context, o => o.OfferChangesPerMinute));
            limiter.AddPolicy(RateLimitPolicies.Withdrawals, context => PerUser(context, o => o.WithdrawalsPerMinute));
            limiter.OnRejected = WriteTooManyRequestsAsync;
        });
        return builder;
    }

    /// <summary>The signed-in user (the token's subject), or the client IP for a request without one.</summary>
    private static string ClientKey(HttpContext context) =>
        context.User.FindFirstValue(JwtRegisteredClaimNames.Sub) is { } subject
            ? "user:" + subject
            : "ip:" + context.Connection.RemoteIpAddress;

    private static RateLimitPartition<string> PerUser(HttpContext context, Func<RateLimitOptions, int> permitsPerMinute)
    {
        var permits = permitsPerMinute(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(ClientKey(context),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = policy == AuthRateLimiting.Policy
                    ? "Too many sign-in requests from this address; try again after the time in Retry-After."
                    : "Too many requests of this kind from you; try again after the time in Retry-After.",
            },
        });
    }
}
