using EscrowP2P.Chain.Transactions;
using Medallion.Threading.Postgres;

namespace EscrowP2P.Api.Coordination;

/// <summary>
/// Serialises moderator sends across every instance on the database with a PostgreSQL advisory lock keyed by the
/// moderator's address, so that requests arriving at different instances never take the same nonce.
/// </summary>
public sealed class PostgresModeratorSendLock(string connectionString) : IModeratorSendLock
{
    public async Task<IAsyncDisposable> AcquireAsync(string signer, CancellationToken cancellationToken)
    {
        var key = new PostgresAdvisoryLockKey($"escrowp2p:moderator-send:{signer.ToLowerInvariant()}", allowHashing: true);
        return await new PostgresDistributedLock(key, connectionString).AcquireAsync(cancellationToken: cancellationToken);
    }
}
