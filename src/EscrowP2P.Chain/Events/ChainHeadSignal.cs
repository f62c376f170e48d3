namespace EscrowP2P.Chain.Events;

/// <summary>
/// The newest chain head anyone has reported, and a way to wait for a newer one. A waiter says which head it
/// has already seen, so a head reported while it was busy wakes its next wait at once: nothing is lost between
/// waits, and any number of waiters can share one signal. Heads only move forward; several heads reported
/// between two waits arrive as the newest one.
/// </summary>
public sealed class ChainHeadSignal
{
    private readonly Lock _gate = new();
    private long? _latest;
    private TaskCompletionSource _advanced = NewAdvance();

    public long? LatestHead
    {
        get
        {
            lock (_gate) return _latest;
        }
    }

    public void Notify(long blockNumber)
    {
        TaskCompletionSource advanced;
        lock (_gate)
        {
            if (blockNumber <= _latest) return;
            _latest = blockNumber;
            advanced = _advanced;
            _advanced = NewAdvance();
        }
        advanced.SetResult();
    }

    /// <summary>
    /// The newest head once it is past <paramref name="seenHead"/> (null: any head), at once if it already is;
    /// null when <paramref name="timeout"/> passes first.
    /// </summary>
    public async Task<long?> WaitAsync(long? seenHead, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task advanced;
            lock (_gate)
            {
                if (_latest > seenHead || (seenHead is null && _latest is not null)) return _latest;
                advanced = _advanced.Task;
            }
            try
            {
                await advanced.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    private static TaskCompletionSource NewAdvance() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
