namespace EscrowP2P.Core.Events;

/// <summary>
/// Elects the one instance that ingests chain events: whoever holds the lock leads, the others keep asking. A
/// PostgreSQL advisory lock where several instances share the database; always granted to a sole SQLite instance.
/// </summary>
public interface IIngestionLock
{
    /// <summary>The lock, if no other instance holds it now; null otherwise.</summary>
    Task<IIngestionLease?> TryAcquireAsync(CancellationToken cancellationToken);
}
