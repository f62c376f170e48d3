using EscrowP2P.Chain.Contracts;

namespace EscrowP2P.Core.Events;

/// <summary>
/// One message about a trade, numbered per trade: an event was seen (<c>event</c>), reached the confirmation
/// depth (<c>confirmed</c>), or was orphaned by a reorg (<c>removed</c>). <see cref="Status"/> is the trade's
/// state after this message.
/// </summary>
public sealed record TradeUpdate(TradeId TradeId, long Seq, string Kind, string Status, string Seller, string Buyer, TradeEventView Event)
{
    public const string EventKind = "event";
    public const string ConfirmedKind = "confirmed";
    public const string RemovedKind = "removed";
}

/// <summary>An escrow event of a trade, with where it is on the chain and how deep.</summary>
public sealed record TradeEventView(
    string Name,
    IReadOnlyDictionary<string, string> Arguments,
    long BlockNumber,
    string BlockHash,
    string TransactionHash,
    int LogIndex,
    long Confirmations,
    bool Confirmed,
    bool Removed,
    long Seq);

/// <summary>Delivers trade updates to connected clients, after they are committed.</summary>
public interface ITradeUpdatePublisher
{
    Task PublishAsync(IReadOnlyList<TradeUpdate> updates, CancellationToken cancellationToken);
}
