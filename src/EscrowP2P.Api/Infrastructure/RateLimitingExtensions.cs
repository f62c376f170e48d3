using EscrowP2P.Api.Hubs;

namespace EscrowP2P.Api.Infrastructure;

public static class RateLimitingExtensions
{
    /// <summary>Per-user budgets (RateLimits:*), validated at start.</summary>
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TradeJoinLimiter>();
        return builder;
    }
}
