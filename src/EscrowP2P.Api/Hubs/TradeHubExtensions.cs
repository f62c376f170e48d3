using EscrowP2P.Core.Events;

namespace EscrowP2P.Api.Hubs;

public static class TradeHubExtensions
{
    /// <summary>
    /// The SignalR hub that carries the listener's trade updates to browsers: committed updates wait in a queue that one
    /// background task drains into the hub, through Redis when a backplane is configured.
    /// </summary>
    public static WebApplicationBuilder AddTradeHub(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ITradeUpdatePublisher, HubTradeUpdatePublisher>();
        builder.Services.AddSingleton<DroppedTradeUpdates>();
        builder.Services.AddSingleton<PendingTradeUpdates>();
        builder.Services.AddHostedService<TradeUpdatePublishing>();
        builder.Services.AddSingleton<ModeratorConnections>();
        builder.Services.AddSingleton<HubBackplaneStatus>();
        builder.Services.AddSignalR(hub =>
        {
            hub.KeepAliveInterval = TimeSpan.FromSeconds(15);
            hub.ClientTimeoutInterval = TimeSpan.FromSeconds(30);
            hub.HandshakeTimeout = TimeSpan.FromSeconds(10);
            hub.EnableDetailedErrors = false;
        }).AddRedisBackplane(builder);
        return builder;
    }

    public static WebApplication MapTradeHub(this WebApplication app)
    {
        // Connections end when their access token expires; the client signs in again and reconnects.
        app.MapHub<TradeHub>(TradeHub.Path, connection => connection.CloseOnAuthenticationExpiration = true);
        return app;
    }
}
