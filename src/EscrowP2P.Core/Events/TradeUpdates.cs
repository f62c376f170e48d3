using EscrowP2P.Core.Trades;

namespace EscrowP2P.Core.Events;

/// <summary>The messages clients get about a trade, built from its stored events.</summary>
public static class TradeUpdates
{
    public static TradeUpdate For(Trade trade, TradeEvent row, TradeUpdateKind kind, long seq, long head) =>
        new(trade.TradeId, seq, kind, trade.Status.ToString(), trade.Seller, trade.Buyer, View(row, head));

    public static TradeEventView View(TradeEvent row, long head) => new(
        row.Name,
        StoredArguments.Of(row),
        row.BlockNumber,
        row.BlockHash,
        row.TransactionHash,
        row.LogIndex,
        row.Removed ? 0 : Math.Max(0, head - row.BlockNumber + 1),
        row.Confirmed,
        row.Removed,
        row.Seq);
}
