namespace EscrowP2P.Chain.Events;

/// <summary>Wakes the event listener as soon as a new head is announced.</summary>
public sealed class ChainHeadSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long? LatestHead { get; private set; }

    public void Notify(long blockNumber)
    {
        TaskCompletionSource woken;
        lock (_gate)
        {
            if (LatestHead >= blockNumber) return;
            LatestHead = blockNumber;
            woken = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        woken.TrySetResult();
    }

    public async Task<long?> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task next;
        lock (_gate) next = _next.Task;
        try
        {
            await next.WaitAsync(timeout, cancellationToken);
            return LatestHead;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
