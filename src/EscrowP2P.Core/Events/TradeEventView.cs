namespace EscrowP2P.Core.Events;

/// <summary>An escrow event of a trade as clients see it: its arguments as stored, where it is on the chain and how deep.</summary>
public sealed record TradeEventView(
    string Name,
    IReadOnlyDictionary<string, string> Arguments,
    long BlockNumber,
    string BlockHash,
    string TransactionHash,
    int LogIndex,
    long Confirmations,
    bool Confirmed,
    bool Removed,
    long Seq);
