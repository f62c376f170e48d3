using EscrowP2P.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Core.Trades;

/// <summary>The store's side of new preparations: clearing out expired ones.</summary>
public sealed class OpenPreparations(EscrowDbContext db, PreparationLifetime lifetime)
{
    /// <summary>
    /// Deletes expired preparations (nobody sees them any more). Done whenever a trade is prepared, so the rows a
    /// flood of preparations leaves behind are cleared by the flood itself, like expired SIWE nonces.
    /// </summary>
    public Task<int> RemoveExpiredAsync(CancellationToken cancellationToken) =>
        db.Trades.ExpiredPreparations(lifetime.Cutoff).ExecuteDeleteAsync(cancellationToken);
}
