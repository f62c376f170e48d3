namespace EscrowP2P.Core.Events;

/// <summary>
/// Where ingestion stands (for readiness and metrics), and a way to wait until a block's events are stored —
/// the signal tests and callers use instead of sleeping.
/// </summary>
public sealed class IngestionProgress(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<(long Block, TaskCompletionSource Done)> _waiters = [];

    public long? Head { get; private set; }
    public long? Cursor { get; private set; }
    public DateTimeOffset? LastSuccessAt { get; private set; }
    public string? LastError { get; private set; }
    public long? Lag => Head is { } head && Cursor is { } cursor ? Math.Max(0, head - cursor) : null;

    public void ReportProgress(long head, long cursor)
    {
        List<TaskCompletionSource> done;
        lock (_gate)
        {
            Head = head;
            Cursor = cursor;
            LastSuccessAt = time.GetUtcNow();
            LastError = null;
            done = _waiters.Where(w => w.Block <= cursor).Select(w => w.Done).ToList();
            _waiters.RemoveAll(w => w.Block <= cursor);
        }
        foreach (var waiter in done) waiter.TrySetResult();
    }

    public void ReportError(string error)
    {
        lock (_gate) LastError = error;
    }

    /// <summary>Completes once every escrow event up to and including <paramref name="blockNumber"/> is stored.</summary>
    public Task WaitForBlockAsync(long blockNumber, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (Cursor >= blockNumber) return Task.CompletedTask;
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((blockNumber, waiter));
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }
}
