using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace EscrowP2P.Api.Hubs;

/// <summary>
/// The one Redis connection of the hub's backplane, shared by SignalR and the readiness check. It is opened even when
/// Redis is down (AbortOnConnectFail=false) and reconnects by itself. While it is down, commands fail at once instead
/// of waiting in a backlog: a hub send fails fast (the update is dropped and clients catch up with JoinTrade) rather
/// than holding the publishing queue for seconds.
/// </summary>
public sealed class RedisBackplaneConnection(IOptions<RedisBackplaneOptions> options) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection = new(() => ConnectAsync(options.Value));

    /// <summary>The connection, opened on first use; completes even when Redis is unreachable.</summary>
    public Task<IConnectionMultiplexer> GetAsync() => _connection.Value;

    /// <summary>The connection if it has been opened already, else null (never waits).</summary>
    public IConnectionMultiplexer? Current => _connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully ? _connection.Value.Result : null;

    /// <summary>True while Redis carries hub messages: publishing needs the command connection, delivery the subscriber one.</summary>
    public bool IsConnected => Current is { } connection && connection.IsConnected && connection.GetSubscriber().IsConnected();

    public static ConfigurationOptions Configuration(RedisBackplaneOptions options)
    {
        var configuration = ConfigurationOptions.Parse(options.ConnectionString!);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ChannelPrefix = RedisChannel.Literal(options.ChannelPrefix);
        return configuration;
    }

    public async ValueTask DisposeAsync()
    {
        if (Current is { } connection) await connection.DisposeAsync();
    }

    private static async Task<IConnectionMultiplexer> ConnectAsync(RedisBackplaneOptions options) =>
        await ConnectionMultiplexer.ConnectAsync(Configuration(options));
}
