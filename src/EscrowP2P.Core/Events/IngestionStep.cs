namespace EscrowP2P.Core.Events;

/// <summary>
/// What one pass of the ingestor did: the updates to publish, and whether there is nothing more to do until the
/// chain moves on (<see cref="CaughtUp"/>: the head is reached, or the node could not yet show the next blocks as
/// one consistent chain, so asking again at once would only repeat the same answer).
/// </summary>
public sealed record IngestionStep(IReadOnlyList<TradeUpdate> Updates, long Head, long Cursor, bool CaughtUp);
