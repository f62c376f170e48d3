namespace EscrowP2P.Core.Trades;

/// <summary>The last block whose escrow events are fully stored. One row.</summary>
public sealed class ChainCursor
{
    public const int SingletonId = 1;
    public int Id { get; init; } = SingletonId;
    public long BlockNumber { get; set; }
    public required string BlockHash { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A recently processed block, kept to detect reorgs by parent-hash mismatch and find the common ancestor.</summary>
public sealed class RecentBlock
{
    public long Number { get; init; }
    public required string Hash { get; init; }
    public required string ParentHash { get; init; }
}
