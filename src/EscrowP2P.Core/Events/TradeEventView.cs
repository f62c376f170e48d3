using EscrowP2P.Core.Trades;

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
    long Seq)
{
    public static TradeEventView Of(TradeEvent row, long head) => new(
        row.Name,
        StoredArguments.Of(row),
        row.BlockNumber,
        row.BlockHash,
        row.TransactionHash,
        row.LogIndex,
        row.Removed ? 0 : Math.Max(0, head - row.BlockNumber + 1),
        row.Confirmed,
        row.Removed,
        row.Seq);
}
