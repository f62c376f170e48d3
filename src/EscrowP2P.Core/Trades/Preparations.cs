using EscrowP2P.Chain.Contracts;

namespace EscrowP2P.Core.Trades;

/// <summary>
/// A preparation is a trade stored by POST /api/p2p/trades that the chain has not shown yet: status None and no
/// event ever stored (a trade whose creation a reorg removed has events, and is no preparation). Only its seller
/// (and moderators) see it, and only for Trades:PreparationLifetimeMinutes; then it is dropped. A createTrade sent
/// later still creates the trade, from the chain's facts alone.
/// </summary>
public static class Preparations
{
    public static bool IsPreparation(Trade trade) => trade.Status == TradeStatus.None && trade.LastSeq == 0;

    public static bool IsExpiredPreparation(Trade trade, DateTimeOffset cutoff) => IsPreparation(trade) && trade.PreparedAt <= cutoff;

    public static IQueryable<Trade> OpenPreparations(this IQueryable<Trade> trades, DateTimeOffset cutoff) =>
        trades.Where(t => t.Status == TradeStatus.None && t.LastSeq == 0 && t.PreparedAt > cutoff);

    public static IQueryable<Trade> ExpiredPreparations(this IQueryable<Trade> trades, DateTimeOffset cutoff) =>
        trades.Where(t => t.Status == TradeStatus.None && t.LastSeq == 0 && t.PreparedAt <= cutoff);

    public static IQueryable<Trade> WithoutExpiredPreparations(this IQueryable<Trade> trades, DateTimeOffset cutoff) =>
        trades.Where(t => t.Status != TradeStatus.None || t.LastSeq > 0 || t.PreparedAt > cutoff);
}
