namespace EscrowP2P.Core.Events;

/// <summary>The held ingestion lock; disposing it lets another instance lead.</summary>
public interface IIngestionLease : IAsyncDisposable
{
    /// <summary>Cancelled when the lock is lost (its database session died): stop ingesting at once.</summary>
    CancellationToken Lost { get; }
}
