using System.Globalization;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Events;
using EscrowP2P.Core.Trades;

namespace EscrowP2P.Core.Events;

/// <summary>The trade state that follows from its escrow events, applied one event at a time or refolded after a reorg.</summary>
public static class TradeProjection
{
    public static void Apply(Trade trade, string eventName, IReadOnlyDictionary<string, string> args, long blockNumber)
    {
        switch (eventName)
        {
            case "TradeCreated":
                trade.Seller = args["seller"];
                trade.Buyer = args["buyer"];
                trade.Token = args["token"];
                trade.Amount = args["amount"];
                trade.FeeBps = int.Parse(args["feeBps"], CultureInfo.InvariantCulture);
                trade.ExpiresAt = long.Parse(args["expiresAt"], CultureInfo.InvariantCulture);
                trade.CreatedBlock = blockNumber;
                trade.Status = TradeStatus.Funded;
                break;
            case "TradePaid":
                trade.Status = TradeStatus.Paid;
                break;
            case "TradeCompleted":
                trade.Status = TradeStatus.Completed;
                break;
            case "TradeCancelled":
                trade.Status = TradeStatus.Cancelled;
                break;
            case "DisputeOpened":
                trade.Status = TradeStatus.Disputed;
                break;
            case "DisputeResolved":
                trade.Status = TradeStatus.Resolved;
                break;
        }
    }

    /// <summary>
    /// A TradeCreated for a prepared trade: when its seller, buyer, token or amount differ from what was prepared, the
    /// on-chain facts win and the prepared off-chain terms no longer describe this trade, so they are detached.
    /// Returns whether they were.
    /// </summary>
    public static bool DetachContradictedTerms(Trade trade, IReadOnlyDictionary<string, string> created)
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
            Apply(trade, e.Name, EventArguments.Parse(e.DataJson), e.BlockNumber);
        }
        if (trade.CreatedBlock is null && trade.PreparedAt is null)
        {
            trade.Seller = "";
            trade.Buyer = "";
            trade.Token = "";
            trade.Amount = "";
        }
    }

    private static bool MatchesPrepared(Trade trade, IReadOnlyDictionary<string, string> created) =>
        SameAddress(trade.Seller, created["seller"])
        && SameAddress(trade.Buyer, created["buyer"])
        && SameAddress(trade.Token, created["token"])
        && trade.Amount == created["amount"];

    private static bool SameAddress(string a, string b) => a.Equals(b, StringComparison.OrdinalIgnoreCase);

    /// <summary>A trade first seen on-chain (not prepared through the API).</summary>
    public static Trade FromCreated(DecodedEscrowEvent created, DateTimeOffset now) => new()
    {
        TradeId = created.TradeId!.Value,
        Seller = created.Arguments["seller"],
        Buyer = created.Arguments["buyer"],
        Token = created.Arguments["token"],
        Amount = created.Arguments["amount"],
        PaymentWindowSeconds = 0,
        UpdatedAt = now,
    };
}
