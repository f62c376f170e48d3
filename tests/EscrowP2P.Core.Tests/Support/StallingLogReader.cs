using EscrowP2P.Chain.Events;
using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.Core.Tests.Support;

/// <summary>
/// Reads through to another reader, but once armed holds the next log read until released: an ingestor that read its
/// cursor and then waits on a slow node, while another ingester moves on.
/// </summary>
public sealed class StallingLogReader(IEscrowLogReader inner) : IEscrowLogReader
{
    private TaskCompletionSource? _reached;
    private TaskCompletionSource? _release;

    /// <summary>Arms the stall; the returned task completes when a log read is being held.</summary>
    public Task StallNextLogRead()
    {
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _reached.Task;
    }

    public void Release() => _release?.TrySetResult();

    public Task<long> GetHeadAsync(CancellationToken cancellationToken) => inner.GetHeadAsync(cancellationToken);

    public Task<BlockHeader?> GetHeaderAsync(long number, CancellationToken cancellationToken) => inner.GetHeaderAsync(number, cancellationToken);

    public Task<BlockHeader?[]> GetHeadersAsync(long fromBlock, long toBlock, CancellationToken cancellationToken) =>
        inner.GetHeadersAsync(fromBlock, toBlock, cancellationToken);

    public async Task<FilterLog[]> GetLogsAsync(long fromBlock, long toBlock, CancellationToken cancellationToken)
    {
        await StallAsync();
        return await inner.GetLogsAsync(fromBlock, toBlock, cancellationToken);
    }

    public async Task<FilterLog[]> GetLogsAsync(string blockHash, CancellationToken cancellationToken)
    {
        await StallAsync();
        return await inner.GetLogsAsync(blockHash, cancellationToken);
    }

    private async Task StallAsync()
    {
        var (reached, release) = (_reached, _release);
        _reached = null;
        if (reached is null || release is null) return;
        reached.TrySetResult();
        await release.Task;
    }
}
