namespace EscrowP2P.Core.Events;

/// <summary>A recently processed block, kept to detect reorgs by parent-hash mismatch and find the common ancestor.</summary>
public sealed class RecentBlock
{
    public long Number { get; init; }
    public required string Hash { get; init; }
    public required string ParentHash { get; init; }
}
