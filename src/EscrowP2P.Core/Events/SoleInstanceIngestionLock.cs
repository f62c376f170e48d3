namespace EscrowP2P.Core.Events;

/// <summary>
/// Leadership for the only instance there can be: on SQLite a second process cannot open the same database, so this
/// one always leads.
/// </summary>
public sealed class SoleInstanceIngestionLock : IIngestionLock
{
    public Task<IIngestionLease?> TryAcquireAsync(CancellationToken cancellationToken) => Task.FromResult<IIngestionLease?>(new Lease());

    private sealed class Lease : IIngestionLease
    {
        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
