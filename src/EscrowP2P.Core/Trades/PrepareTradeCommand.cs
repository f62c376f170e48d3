using System.Numerics;

namespace EscrowP2P.Core.Trades;

/// <summary>A seller's request to open a trade, already checked for format.</summary>
public sealed record PrepareTradeCommand(
    string Seller,
    string Buyer,
    string Token,
    BigInteger Amount,
    ulong PaymentWindowSeconds,
    Guid? OfferId,
    string? FiatAmount,
    string? FiatCurrency,
    string? PaymentMethod);
