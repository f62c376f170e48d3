using System.ComponentModel.DataAnnotations;

namespace EscrowP2P.Core.Events;

/// <summary>How the chain event listener follows the chain.</summary>
public sealed class EventOptions
{
    public const string Section = "Events";

    /// <summary>
    /// False: this instance never ingests chain events and serves only REST and the hub (its hub clients still get
    /// updates when a Redis backplane carries them from the instance that ingests).
    /// </summary>
    public bool Ingest { get; set; } = true;

    /// <summary>How often to look for a new head when no WebSocket subscription announces it.</summary>
    [Range(10, 60_000)] public int PollIntervalMilliseconds { get; set; } = 250;

    /// <summary>The widest eth_getLogs range; halved automatically when the node refuses a range.</summary>
    [Range(1, 100_000)] public int MaxBlocksPerBatch { get; set; } = 2_000;

    /// <summary>An event counts as final once it is this many blocks deep (1 = in the latest block).</summary>
    [Range(1, 1_000)] public int ConfirmationDepth { get; set; } = 3;

    /// <summary>Recent block hashes kept to find the common ancestor of a reorg.</summary>
    [Range(16, 10_000)] public int RecentBlocksKept { get; set; } = 256;

    /// <summary>Readiness fails when ingestion is this many blocks behind the head.</summary>
    [Range(1, 1_000_000)] public int MaxHealthyLagBlocks { get; set; } = 50;

    /// <summary>How often an instance that does not lead ingestion asks to take over (several instances on PostgreSQL).</summary>
    [Range(50, 60_000)] public int LeaderRetryMilliseconds { get; set; } = 1_000;

    /// <summary>Longest wait between retries while the node is unreachable.</summary>
    [Range(100, 600_000)] public int MaxBackoffMilliseconds { get; set; } = 10_000;
}
