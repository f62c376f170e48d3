using EscrowP2P.Chain.Contracts;
using EscrowP2P.Core.Trades;

namespace EscrowP2P.Core.Events;

/// <summary>
/// One message about a trade, numbered per trade: an event was seen, reached the confirmation depth, or was orphaned
/// by a reorg (<see cref="Kind"/>). <see cref="Status"/> is the trade's state after this message.
/// </summary>
public sealed record TradeUpdate(TradeId TradeId, long Seq, TradeUpdateKind Kind, string Status, string Seller, string Buyer, TradeEventView Event)
{
    /// <summary>The message about one of the trade's stored events, as the trade stands now.</summary>
    public static TradeUpdate For(Trade trade, TradeEvent row, TradeUpdateKind kind, long seq, long head) =>
        new(trade.TradeId, seq, kind, trade.Status.ToString(), trade.Seller, trade.Buyer, TradeEventView.Of(row, head));
}
