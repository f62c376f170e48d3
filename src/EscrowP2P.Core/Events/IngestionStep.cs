namespace EscrowP2P.Core.Events;

/// <summary>What one pass of the ingestor did: the updates to publish, and whether it reached the head.</summary>
public sealed record IngestionStep(IReadOnlyList<TradeUpdate> Updates, long Head, long Cursor, bool CaughtUp);
