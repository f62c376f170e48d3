using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.Chain.Events;

/// <summary>What reading the blocks after the cursor found: a batch to store, an orphaned cursor, or no consistent view.</summary>
public abstract record BlockBatchRead;

/// <summary>
/// Consecutive blocks after the cursor and the escrow's logs in them, read so that both describe the same chain.
/// <see cref="Headers"/> holds every recent block's header (older batches: only the last); the last is the new cursor.
/// </summary>
public sealed record BlockBatch(IReadOnlyList<BlockHeader> Headers, IReadOnlyList<FilterLog> Logs) : BlockBatchRead
{
    public BlockHeader Last => Headers[^1];
}

/// <summary>The cursor's block is no longer the node's block at that height: a reorg, to rewind.</summary>
public sealed record CursorOrphaned : BlockBatchRead;

/// <summary>The node's answers did not describe one chain (it moved between the reads, or one of its servers lags).</summary>
public sealed record NoConsistentView(string Reason) : BlockBatchRead;
