namespace EscrowP2P.Core.Events;

/// <summary>The last block whose escrow events are fully stored. One row.</summary>
public sealed class ChainCursor
{
    public const int SingletonId = 1;
    public int Id { get; init; } = SingletonId;
    public long BlockNumber { get; set; }
    public required string BlockHash { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
