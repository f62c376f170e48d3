namespace EscrowP2P.Chain.Transactions;

/// <summary>Serialises moderator sends within this process: enough where only one instance runs (SQLite).</summary>
public sealed class InProcessModeratorSendLock : IModeratorSendLock, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IAsyncDisposable> AcquireAsync(string signer, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Held(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
