namespace EscrowP2P.Core.Events;

/// <summary>Delivers trade updates to connected clients, after they are committed.</summary>
public interface ITradeUpdatePublisher
{
    Task PublishAsync(IReadOnlyList<TradeUpdate> updates, CancellationToken cancellationToken);
}
