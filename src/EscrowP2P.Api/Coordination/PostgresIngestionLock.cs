using EscrowP2P.Core.Events;
using Medallion.Threading.Postgres;

namespace EscrowP2P.Api.Coordination;

/// <summary>
/// Ingestion leadership on a PostgreSQL session advisory lock: held by one instance's database session, released when
/// that session ends — gracefully, by a killed process's closed socket, or by an administrator terminating it. The
/// handle watches its connection, so a leader whose session died learns it at once.
/// </summary>
public sealed class PostgresIngestionLock(string connectionString) : IIngestionLock
{
    public static readonly PostgresAdvisoryLockKey Key = new("escrowp2p:event-ingestion", allowHashing: true);

    // A connection of its own (no multiplexing): the lock lives and dies with exactly one session.
    private readonly PostgresDistributedLock _lock = new(Key, connectionString, options => options.UseMultiplexing(false));

    public async Task<IIngestionLease?> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var handle = await _lock.TryAcquireAsync(TimeSpan.Zero, cancellationToken);
        return handle is null ? null : new Lease(handle);
    }

    private sealed class Lease(PostgresDistributedLockHandle handle) : IIngestionLease
    {
        public CancellationToken Lost => handle.HandleLostToken;

        public async ValueTask DisposeAsync()
        {
            try
            {
                await handle.DisposeAsync();
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or ObjectDisposedException)
            {
                // The session is gone, and PostgreSQL released its lock with it.
            }
        }
    }
}
