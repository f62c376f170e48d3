using EscrowP2P.Chain;
using EscrowP2P.Chain.Contracts;

namespace EscrowP2P.Core.Trades;

/// <summary>
/// A trade as the platform knows it: the off-chain details the seller gave when preparing it, and its on-chain
/// state as projected from the contract's events.
/// </summary>
public sealed class Trade : ITradeParties
{
    public required TradeId TradeId { get; init; }
    // On-chain facts win over what was prepared: TradeCreated overwrites these.
    public required string Seller { get; set; }
    public required string Buyer { get; set; }
    /// <summary>The token address, or the zero address for ETH.</summary>
    public required string Token { get; set; }
    /// <summary>Base units, decimal string.</summary>
    public required string Amount { get; set; }
    public required long PaymentWindowSeconds { get; init; }
    // The seller's off-chain terms, detached when the trade created on-chain differs from what was prepared.
    public Guid? OfferId { get; set; }
    public string? FiatAmount { get; set; }
    public string? FiatCurrency { get; set; }
    public string? PaymentMethod { get; set; }
    /// <summary>When the seller prepared it through the API; null for a trade first seen on-chain or whose terms were detached.</summary>
    public DateTimeOffset? PreparedAt { get; set; }

    public TradeStatus Status { get; set; }
    public int? FeeBps { get; set; }
    public long? ExpiresAt { get; set; }
    public long? CreatedBlock { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Sequence number of the last event published for this trade.</summary>
    public long LastSeq { get; set; }
}
