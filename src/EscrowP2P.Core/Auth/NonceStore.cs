using System.Security.Cryptography;
using EscrowP2P.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Core.Auth;

/// <summary>Single-use SIWE nonces in the database, so that every instance behind a load balancer accepts each once.</summary>
public sealed class NonceStore(IDbContextFactory<EscrowDbContext> dbFactory, TimeProvider time)
{
    private const int Length = 24; // 24 letters or digits ≈ 143 random bits
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A fresh nonce that can be used once within <paramref name="lifetime"/>.</summary>
    public async Task<SiweNonce> IssueAsync(TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var nonce = new SiweNonce
        {
            Value = RandomNumberGenerator.GetString(Alphabet, Length),
            IssuedAt = now,
            ExpiresAt = now + lifetime,
        };

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Expired nonces can never be used again: dropping them here (an indexed range delete) keeps the table small.
        await db.SiweNonces.Where(n => n.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        db.SiweNonces.Add(nonce);
        await db.SaveChangesAsync(cancellationToken);
        return nonce;
    }

    /// <summary>
    /// Marks the nonce used if it exists, has not expired and was never used, in one conditional UPDATE: of two
    /// sign-ins racing with the same nonce, exactly one sees a row changed.
    /// </summary>
    public async Task<bool> TryConsumeAsync(string value, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var consumed = await db.SiweNonces
            .Where(n => n.Value == value && n.ConsumedAt == null && n.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ConsumedAt, now), cancellationToken);
        return consumed == 1;
    }
}
