namespace EscrowP2P.Core.Events;

/// <summary>Delivers a committed trade update to connected clients (called in order, one update at a time).</summary>
public interface ITradeUpdatePublisher
{
    Task PublishAsync(TradeUpdate update, CancellationToken cancellationToken);
}
