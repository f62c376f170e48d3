using EscrowP2P.Core.Trades;

namespace EscrowP2P.Core.Events;

public static class TradeUpdates
{
    public static TradeUpdate For(Trade trade, TradeEvent row, string kind, long seq, long head) =>
        new(trade.TradeId, seq, kind, trade.Status.ToString(), trade.Seller, trade.Buyer, View(row, head));

    public static TradeEventView View(TradeEvent row, long head) => new(
        row.Name,
        EventArguments.Parse(row.DataJson),
        row.BlockNumber,
        row.BlockHash,
        row.TransactionHash,
        row.LogIndex,
        row.Removed ? 0 : Math.Max(0, head - row.BlockNumber + 1),
        row.Confirmed,
        row.Removed,
        row.Seq);
}
