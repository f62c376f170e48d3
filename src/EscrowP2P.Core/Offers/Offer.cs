namespace EscrowP2P.Core.Offers;

/// <summary>A seller's standing offer to sell crypto for fiat, which buyers browse and take.</summary>
public sealed class Offer
{
    public Guid Id { get; init; }
    public required string Seller { get; init; }
    public required string Token { get; init; }
    /// <summary>Smallest and largest amount per trade, base units as decimal strings.</summary>
    public required string MinAmount { get; init; }
    public required string MaxAmount { get; init; }
    /// <summary>Fiat price of one whole token, as a decimal string (e.g. "1.02").</summary>
    public required string Price { get; init; }
    public required string FiatCurrency { get; init; }
    public required List<string> PaymentMethods { get; init; }
    public required long PaymentWindowSeconds { get; init; }
    public string? Terms { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? WithdrawnAt { get; set; }
}
