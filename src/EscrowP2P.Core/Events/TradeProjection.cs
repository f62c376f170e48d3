using System.Globalization;
using System.Numerics;
using EscrowP2P.Chain;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Core.Trades;

namespace EscrowP2P.Core.Events;

/// <summary>The trade state that follows from its escrow events, applied one event at a time or refolded after a reorg.</summary>
public static class TradeProjection
{
    public static void Apply(Trade trade, ITradeEvent e, long blockNumber)
    {
        switch (e)
        {
            case TradeCreatedEvent created:
                trade.Seller = created.Seller;
                trade.Buyer = created.Buyer;
                trade.Token = created.Token;
                trade.Amount = Decimal(created.Amount);
                trade.FeeBps = created.FeeBps;
                trade.ExpiresAt = (long)created.ExpiresAt;
                trade.CreatedBlock = blockNumber;
                trade.Status = TradeStatus.Funded;
                break;
            case TradePaidEvent:
                trade.Status = TradeStatus.Paid;
                break;
            case TradeCompletedEvent:
                trade.Status = TradeStatus.Completed;
                break;
            case TradeCancelledEvent:
                trade.Status = TradeStatus.Cancelled;
                break;
            case DisputeOpenedEvent:
                trade.Status = TradeStatus.Disputed;
                break;
            case DisputeResolvedEvent:
                trade.Status = TradeStatus.Resolved;
                break;
        }
    }

    /// <summary>
    /// A TradeCreated for a prepared trade: when its seller, buyer, token or amount differ from what was prepared, the
    /// on-chain facts win and the prepared off-chain terms no longer describe this trade, so they are detached.
    /// Returns whether they were.
    /// </summary>
    public static bool DetachContradictedTerms(Trade trade, TradeCreatedEvent created)
    {
        if (trade.PreparedAt is null || MatchesPrepared(trade, created)) return false;
        trade.OfferId = null;
        trade.FiatAmount = null;
        trade.FiatCurrency = null;
        trade.PaymentMethod = null;
        trade.PreparedAt = null;
        return true;
    }

    /// <summary>
    /// Recomputes the trade from the events that are still on the canonical chain, in chain order. A prepared trade
    /// whose TradeCreated is gone is a pending preparation again; any other trade without it names no parties, so
    /// nobody lists, reads or joins a trade that no longer exists on-chain.
    /// </summary>
    public static void Refold(Trade trade, IEnumerable<TradeEvent> events)
    {
        trade.Status = TradeStatus.None;
        trade.FeeBps = null;
        trade.ExpiresAt = null;
        trade.CreatedBlock = null;
        foreach (var e in events.Where(e => !e.Removed).OrderBy(e => e.BlockNumber).ThenBy(e => e.LogIndex))
        {
            Apply(trade, StoredArguments.EventOf(e), e.BlockNumber);
        }
        if (trade.CreatedBlock is null && trade.PreparedAt is null)
        {
            trade.Seller = "";
            trade.Buyer = "";
            trade.Token = "";
            trade.Amount = "";
        }
    }

    /// <summary>A trade first seen on-chain (not prepared through the API).</summary>
    public static Trade FromCreated(TradeId tradeId, TradeCreatedEvent created, DateTimeOffset now) => new()
    {
        TradeId = tradeId,
        Seller = created.Seller,
        Buyer = created.Buyer,
        Token = created.Token,
        Amount = Decimal(created.Amount),
        PaymentWindowSeconds = 0,
        UpdatedAt = now,
    };

    private static bool MatchesPrepared(Trade trade, TradeCreatedEvent created) =>
        EthereumAddress.AreSame(trade.Seller, created.Seller)
        && EthereumAddress.AreSame(trade.Buyer, created.Buyer)
        && EthereumAddress.AreSame(trade.Token, created.Token)
        && trade.Amount == Decimal(created.Amount);


    private static string Decimal(BigInteger amount) => amount.ToString(CultureInfo.InvariantCulture);
}
