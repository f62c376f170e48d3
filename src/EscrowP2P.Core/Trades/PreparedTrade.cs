using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Transactions;

namespace EscrowP2P.Core.Trades;

/// <summary>
/// The new trade's id, the salt its createTrade carries (the escrow's <c>tradeIdOf(seller, salt)</c> is the id) and the
/// transactions the seller signs, in order.
/// </summary>
public sealed record PreparedTrade(TradeId TradeId, string Salt, IReadOnlyList<UnsignedTransaction> Transactions);
