using System.Numerics;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Transactions;

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

/// <summary>
/// The new trade's id, the salt its createTrade carries (the escrow's <c>tradeIdOf(seller, salt)</c> is the id) and the
/// transactions the seller signs, in order.
/// </summary>
public sealed record PreparedTrade(TradeId TradeId, string Salt, IReadOnlyList<UnsignedTransaction> Transactions);
