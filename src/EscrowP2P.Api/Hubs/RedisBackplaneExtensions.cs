using EscrowP2P.Api.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Api.Hubs;

public static class RedisBackplaneExtensions
{
    /// <summary>
    /// With Redis:ConnectionString set, hub messages go through SignalR's Redis backplane so every instance's clients
    /// receive them (even clients of the sending instance get them through Redis); without it nothing changes.
    /// </summary>
    public static ISignalRServerBuilder AddRedisBackplane(this ISignalRServerBuilder signalR, WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RedisBackplaneOptions>().BindConfiguration(RedisBackplaneOptions.Section).ValidateDataAnnotations()
            .Validate(IsReadable, "Redis:ConnectionString is no StackExchange.Redis configuration string (host:port,password=…)").ValidateOnStart();
        var options = builder.Configuration.GetSection(RedisBackplaneOptions.Section).Get<RedisBackplaneOptions>() ?? new RedisBackplaneOptions();
        if (!options.IsConfigured) return signalR;

        builder.Services.AddSingleton<RedisBackplaneConnection>();
        signalR.AddStackExchangeRedis();
        builder.Services.AddOptions<RedisOptions>().Configure<IOptions<RedisBackplaneOptions>, RedisBackplaneConnection>((redis, backplane, connection) =>
        {
            // Used by SignalR for its log line naming the endpoints (never the password); the connection is ours.
            redis.Configuration = RedisBackplaneConnection.Configuration(backplane.Value);
            redis.ConnectionFactory = _ => connection.GetAsync();
        });
        builder.Services.AddHealthChecks().AddCheck<RedisBackplaneHealthCheck>("redis", HealthStatus.Degraded, [OperationsExtensions.ReadyTag]);
        return signalR;
    }

    private static bool IsReadable(RedisBackplaneOptions options)
    {
        if (!options.IsConfigured) return true;
        try
        {
            RedisBackplaneConnection.Configuration(options);
            return true;
        }
        catch (ArgumentException)
        {
            return false; // its message may quote the string, password included
        }
    }
}
