using EscrowP2P.Chain.Contracts;
using EscrowP2P.Core.Events;
using Microsoft.AspNetCore.SignalR;

namespace EscrowP2P.Api.Hubs;

/// <summary>
/// Pushes a committed trade update to the trade's group. Whatever happens to a trade's creation (seen, confirmed,
/// removed by a reorg) also goes to the user groups of the parties its TradeCreated named, where they learnt of the
/// trade — even once a reorg has removed it and the trade names no parties any more; a client in both groups gets
/// such an update twice with the same seq and keeps one.
/// </summary>
public sealed class HubTradeUpdatePublisher(IHubContext<TradeHub, ITradeClient> hub) : ITradeUpdatePublisher
{
    public async Task PublishAsync(TradeUpdate update, CancellationToken cancellationToken)
    {
        await hub.Clients.Group(TradeHub.TradeGroup(update.TradeId)).TradeUpdated(update);
        if (TradeEvents.FromArguments(update.Event.Name, update.Event.Arguments) is TradeCreatedEvent created)
        {
            await hub.Clients.Groups(TradeHub.UserGroup(created.Seller), TradeHub.UserGroup(created.Buyer)).TradeUpdated(update);
        }
    }
}
