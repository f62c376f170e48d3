using EscrowP2P.Chain.Contracts;

namespace EscrowP2P.Core.Trades;

/// <summary>A trade as its parties see it over REST (and in the hub's snapshot).</summary>
public sealed record TradeView(
    TradeId TradeId,
    string Seller,
    string Buyer,
    string Token,
    string Amount,
    string Status,
    int? FeeBps,
    DateTimeOffset? ExpiresAt,
    long PaymentWindowSeconds,
    Guid? OfferId,
    string? FiatAmount,
    string? FiatCurrency,
    string? PaymentMethod,
    DateTimeOffset? PreparedAt,
    DateTimeOffset UpdatedAt,
    long LastSeq,
    IReadOnlyList<Events.TradeEventView>? Events = null);
