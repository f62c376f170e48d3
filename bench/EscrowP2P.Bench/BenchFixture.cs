using EscrowP2P.TestSupport;
using EscrowP2P.TestSupport.Servers;

namespace EscrowP2P.Bench;

/// <summary>The API fixture, with the event-following mode under measurement and, if asked, the hub on a Redis backplane.</summary>
public sealed class BenchFixture(bool webSocketHeads, int pollIntervalMilliseconds, bool redisBackplane = false) : EscrowApiFixture
{
    private RedisServer? _redis;

    public override async Task InitializeAsync()
    {
        if (redisBackplane) _redis = await RedisServer.StartAsync();
        await base.InitializeAsync();
    }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Events:PollIntervalMilliseconds"] = pollIntervalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!webSocketHeads) settings["Chain:WebSocketUrl"] = "";
        settings["Auth:PermitsPerMinute"] = "10000";
        if (_redis is not null) settings["Redis:ConnectionString"] = _redis.ConnectionString;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
    }
}
