using EscrowP2P.Core.Events;

namespace EscrowP2P.Core.Trades;

/// <summary>What a party gets when joining a trade's live feed: the current state and every change after a sequence number.</summary>
public sealed record TradeSnapshot(TradeView Trade, IReadOnlyList<TradeEventView> Events, long LastSeq);
