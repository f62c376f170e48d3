using EscrowP2P.Chain.Contracts;

namespace EscrowP2P.Core.Events;

/// <summary>
/// One message about a trade, numbered per trade: an event was seen, reached the confirmation depth, or was orphaned
/// by a reorg (<see cref="Kind"/>). <see cref="Status"/> is the trade's state after this message.
/// </summary>
public sealed record TradeUpdate(TradeId TradeId, long Seq, TradeUpdateKind Kind, string Status, string Seller, string Buyer, TradeEventView Event);
