using EscrowP2P.Chain.Contracts;

namespace EscrowP2P.Core.Trades;

/// <summary>
/// One decoded escrow event of a trade, stored once (unique by block hash and log index). Events orphaned by a
/// reorg are kept with <see cref="Removed"/> set, so clients that saw them can be told.
/// </summary>
public sealed class TradeEvent
{
    public long Id { get; init; }
    public required TradeId TradeId { get; init; }
    /// <summary>Per-trade sequence number of the message that announced this event.</summary>
    public long Seq { get; set; }
    public required string Name { get; init; }
    public required long BlockNumber { get; init; }
    public required string BlockHash { get; init; }
    public required string TransactionHash { get; init; }
    public required int LogIndex { get; init; }
    /// <summary>The event's decoded arguments as a JSON object (amounts as decimal strings).</summary>
    public required string DataJson { get; init; }
    public bool Removed { get; set; }
    /// <summary>Sequence number of the message that announced the removal.</summary>
    public long? RemovedSeq { get; set; }
    public DateTimeOffset ObservedAt { get; init; }
    /// <summary>Set once the event reached the configured confirmation depth and clients were told.</summary>
    public bool Confirmed { get; set; }
    /// <summary>Sequence number of the message that announced the confirmation.</summary>
    public long? ConfirmedSeq { get; set; }
}
