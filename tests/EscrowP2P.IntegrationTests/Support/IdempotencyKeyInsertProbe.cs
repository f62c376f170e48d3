using EscrowP2P.Core.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EscrowP2P.IntegrationTests.Support;

/// <summary>
/// Runs a test's action once, just before the app stores a given Idempotency-Key: makes "another request with the same
/// key committed between this one's check and its insert" a certainty instead of a lucky timing.
/// </summary>
public sealed class IdempotencyKeyInsertProbe : SaveChangesInterceptor
{
    private Armed? _armed;

    public void Arm(string key, Func<Task> action) => Volatile.Write(ref _armed, new Armed(key, action));

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _armed) is { } armed && Inserts(eventData.Context, armed.Key) && Interlocked.CompareExchange(ref _armed, null, armed) == armed)
        {
            await armed.Action();
        }
        return result;
    }

    private static bool Inserts(DbContext? context, string key) =>
        context is not null && context.ChangeTracker.Entries<IdempotencyRecord>().Any(e => e.State == EntityState.Added && e.Entity.Key == key);

    private sealed record Armed(string Key, Func<Task> Action);
}
