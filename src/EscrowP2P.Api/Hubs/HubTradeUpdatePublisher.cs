using EscrowP2P.Core.Events;
using Microsoft.AspNetCore.SignalR;

namespace EscrowP2P.Api.Hubs;

/// <summary>Pushes committed trade updates to the trade's group; a new trade also to its parties' user groups.</summary>
public sealed class HubTradeUpdatePublisher(IHubContext<TradeHub, ITradeClient> hub) : ITradeUpdatePublisher
{
    public async Task PublishAsync(IReadOnlyList<TradeUpdate> updates, CancellationToken cancellationToken)
    {
        foreach (var update in updates)
        {
            await hub.Clients.Group(TradeHub.TradeGroup(update.TradeId)).TradeUpdated(update);
            if (update.Event.Name == "TradeCreated" && update.Kind == TradeUpdate.EventKind)
            {
                await hub.Clients.Groups(TradeHub.UserGroup(update.Seller), TradeHub.UserGroup(update.Buyer)).TradeUpdated(update);
            }
        }
    }
}
