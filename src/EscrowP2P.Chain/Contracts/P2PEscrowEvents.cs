using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace EscrowP2P.Chain.Contracts;

// The escrow's events. They carry everything a listener needs, so it never re-reads contract state. Those about one
// trade are ITradeEvents, listed in TradeEvents.

[Event("TradeCreated")]
public sealed class TradeCreatedEvent : ITradeEvent
{
    [Parameter("bytes32", "tradeId", 1, true)] public byte[] TradeId { get; set; } = [];
    [Parameter("address", "seller", 2, true)] public string Seller { get; set; } = "";
    [Parameter("address", "buyer", 3, true)] public string Buyer { get; set; } = "";
    [Parameter("address", "token", 4, false)] public string Token { get; set; } = "";
    [Parameter("uint256", "amount", 5, false)] public BigInteger Amount { get; set; }
    [Parameter("uint16", "feeBps", 6, false)] public ushort FeeBps { get; set; }
    [Parameter("uint64", "expiresAt", 7, false)] public ulong ExpiresAt { get; set; }
}

[Event("TradePaid")]
public sealed class TradePaidEvent : ITradeEvent
{
    [Parameter("bytes32", "tradeId", 1, true)] public byte[] TradeId { get; set; } = [];
}

[Event("TradeCompleted")]
public sealed class TradeCompletedEvent : ITradeEvent
{
    [Parameter("bytes32", "tradeId", 1, true)] public byte[] TradeId { get; set; } = [];
    [Parameter("uint256", "buyerAmount", 2, false)] public BigInteger BuyerAmount { get; set; }
    [Parameter("uint256", "fee", 3, false)] public BigInteger Fee { get; set; }
}

[Event("TradeCancelled")]
public sealed class TradeCancelledEvent : ITradeEvent
{
    [Parameter("bytes32", "tradeId", 1, true)] public byte[] TradeId { get; set; } = [];
    [Parameter("address", "by", 2, true)] public string By { get; set; } = "";
}

[Event("DisputeOpened")]
public sealed class DisputeOpenedEvent : ITradeEvent
{
    [Parameter("bytes32", "tradeId", 1, true)] public byte[] TradeId { get; set; } = [];
    [Parameter("address", "by", 2, true)] public string By { get; set; } = "";
}

[Event("DisputeResolved")]
public sealed class DisputeResolvedEvent : ITradeEvent
{
    [Parameter("bytes32", "tradeId", 1, true)] public byte[] TradeId { get; set; } = [];
    [Parameter("address", "moderator", 2, true)] public string Moderator { get; set; } = "";
    [Parameter("uint16", "buyerBps", 3, false)] public ushort BuyerBps { get; set; }
    [Parameter("uint256", "buyerAmount", 4, false)] public BigInteger BuyerAmount { get; set; }
    [Parameter("uint256", "sellerAmount", 5, false)] public BigInteger SellerAmount { get; set; }
    [Parameter("uint256", "fee", 6, false)] public BigInteger Fee { get; set; }
}

[Event("PayoutDeferred")]
public sealed class PayoutDeferredEvent : ITradeEvent
{
    [Parameter("bytes32", "tradeId", 1, true)] public byte[] TradeId { get; set; } = [];
    [Parameter("address", "to", 2, true)] public string To { get; set; } = "";
    [Parameter("uint256", "amount", 3, false)] public BigInteger Amount { get; set; }
}

[Event("Withdrawn")]
public sealed class WithdrawnEvent : IEventDTO
{
    [Parameter("address", "account", 1, true)] public string Account { get; set; } = "";
    [Parameter("address", "token", 2, true)] public string Token { get; set; } = "";
    [Parameter("address", "to", 3, false)] public string To { get; set; } = "";
    [Parameter("uint256", "amount", 4, false)] public BigInteger Amount { get; set; }
}

[Event("FeeUpdated")]
public sealed class FeeUpdatedEvent : IEventDTO
{
    [Parameter("uint16", "feeBps", 1, false)] public ushort FeeBps { get; set; }
    [Parameter("address", "feeRecipient", 2, false)] public string FeeRecipient { get; set; } = "";
}

[Event("TokenAllowed")]
public sealed class TokenAllowedEvent : IEventDTO
{
    [Parameter("address", "token", 1, true)] public string Token { get; set; } = "";
    [Parameter("bool", "allowed", 2, false)] public bool Allowed { get; set; }
}

[Event("PaymentWindowBoundsUpdated")]
public sealed class PaymentWindowBoundsUpdatedEvent : IEventDTO
{
    [Parameter("uint64", "minPaymentWindow", 1, false)] public ulong MinPaymentWindow { get; set; }
    [Parameter("uint64", "maxPaymentWindow", 2, false)] public ulong MaxPaymentWindow { get; set; }
}
