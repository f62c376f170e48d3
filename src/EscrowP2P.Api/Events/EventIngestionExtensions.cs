using EscrowP2P.Chain.Events;
using EscrowP2P.Core.Events;

namespace EscrowP2P.Api.Events;

public static class EventIngestionExtensions
{
    /// <summary>
    /// The chain event listener: follows the escrow's logs into the store and hands updates to the publisher, while this
    /// instance leads ingestion (see AddInstanceCoordination). Not started with Events:Ingest=false (an instance that
    /// serves REST and the hub only).
    /// </summary>
    public static WebApplicationBuilder AddEventIngestion(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EventOptions>().BindConfiguration(EventOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IEscrowLogReader, EscrowLogReader>();
        builder.Services.AddSingleton<BlockBatchReader>();
        builder.Services.AddSingleton<EventIngestor>();
        builder.Services.AddSingleton<IngestionProgress>();
        builder.Services.AddSingleton<IngestionMetrics>();
        builder.Services.AddSingleton<IngestionLeadership>();
        builder.Services.AddSingleton<ChainHeadSignal>();
        builder.Services.AddSingleton<WebSocketHeadWatcher>();
        if (builder.Configuration.GetValue($"{EventOptions.Section}:{nameof(EventOptions.Ingest)}", true))
        {
            builder.Services.AddHostedService(services => services.GetRequiredService<WebSocketHeadWatcher>());
            builder.Services.AddHostedService<ChainEventListener>();
        }
        return builder;
    }
}
