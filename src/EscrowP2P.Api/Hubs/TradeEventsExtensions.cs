using EscrowP2P.Api.Auth;
using EscrowP2P.Chain.Events;
using EscrowP2P.Core.Events;

namespace EscrowP2P.Api.Hubs;

public static class TradeEventsExtensions
{
    /// <summary>The chain event listener and the SignalR hub that carries its updates to browsers.</summary>
    public static WebApplicationBuilder AddTradeEvents(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EventOptions>().BindConfiguration(EventOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IEscrowLogReader, EscrowLogReader>();
        builder.Services.AddSingleton<BlockBatchReader>();
        builder.Services.AddSingleton<EventIngestor>();
        builder.Services.AddSingleton<IngestionProgress>();
        builder.Services.AddSingleton<IngestionMetrics>();
        builder.Services.AddSingleton<ChainHeadSignal>();
        builder.Services.AddSingleton<ITradeUpdatePublisher, HubTradeUpdatePublisher>();
        builder.Services.AddSingleton<ModeratorConnections>();
        builder.Services.AddSingleton<WebSocketHeadWatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WebSocketHeadWatcher>());
        builder.Services.AddHostedService<ChainEventListener>();

        builder.Services.AddSignalR(hub =>
        {
            hub.KeepAliveInterval = TimeSpan.FromSeconds(15);
            hub.ClientTimeoutInterval = TimeSpan.FromSeconds(30);
            hub.HandshakeTimeout = TimeSpan.FromSeconds(10);
            hub.EnableDetailedErrors = false;
        });
        return builder;
    }

    public static WebApplication MapTradeHub(this WebApplication app)
    {
        // Connections end when their access token expires; the client signs in again and reconnects.
        app.MapHub<TradeHub>(TradeHub.Path, connection => connection.CloseOnAuthenticationExpiration = true);
        return app;
    }
}
