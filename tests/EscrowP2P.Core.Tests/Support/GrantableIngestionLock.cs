using EscrowP2P.Core.Events;

namespace EscrowP2P.Core.Tests.Support;

/// <summary>An ingestion lock the test grants, refuses and takes away, as the database would for a leader whose session dies.</summary>
public sealed class GrantableIngestionLock : IIngestionLock
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _held;

    private int _attempts;

    public bool Grants { get; set; } = true;

    /// <summary>How often the lock was asked for.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public Task<IIngestionLease?> TryAcquireAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        lock (_gate)
        {
            if (!Grants || _held is not null) return Task.FromResult<IIngestionLease?>(null);
            var held = new CancellationTokenSource();
            _held = held;
            return Task.FromResult<IIngestionLease?>(new Lease(this, held));
        }
    }

    /// <summary>The lock is lost: its holder's session died. It is granted again only once <see cref="Grants"/> allows.</summary>
    public void Lose()
    {
        lock (_gate)
        {
            Grants = false;
            _held?.Cancel();
        }
    }

    private void Release(CancellationTokenSource held)
    {
        lock (_gate)
        {
            if (_held == held) _held = null;
        }
        held.Dispose();
    }

    private sealed class Lease(GrantableIngestionLock owner, CancellationTokenSource held) : IIngestionLease
    {
        public CancellationToken Lost { get; } = held.Token;

        public ValueTask DisposeAsync()
        {
            owner.Release(held);
            return ValueTask.CompletedTask;
        }
    }
}
