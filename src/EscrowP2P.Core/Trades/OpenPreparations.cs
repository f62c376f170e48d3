using System.Globalization;
using System.Numerics;
using EscrowP2P.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Core.Trades;

/// <summary>The store's side of a new preparation: what the seller's open ones still need, and clearing out expired ones.</summary>
public sealed class OpenPreparations(EscrowDbContext db, PreparationLifetime lifetime)
{
    /// <summary>
    /// Deletes expired preparations (nobody sees them any more). Done whenever a trade is prepared, so the rows a
    /// flood of preparations leaves behind are cleared by the flood itself, like expired SIWE nonces.
    /// </summary>
    public Task<int> RemoveExpiredAsync(CancellationToken cancellationToken) =>
        db.Trades.ExpiredPreparations(lifetime.Cutoff).ExecuteDeleteAsync(cancellationToken);

    /// <summary>What the seller's open (unfunded, unexpired) preparations of <paramref name="token"/> will pull from their allowance.</summary>
    public async Task<BigInteger> PromisedAllowanceAsync(string seller, string token, CancellationToken cancellationToken)
    {
        var amounts = await db.Trades.OpenPreparations(lifetime.Cutoff)
            .Where(t => t.Seller == seller && t.Token == token)
            .Select(t => t.Amount)
            .ToListAsync(cancellationToken);
        return amounts.Aggregate(BigInteger.Zero, (sum, amount) => sum + BigInteger.Parse(amount, CultureInfo.InvariantCulture));
    }
}
