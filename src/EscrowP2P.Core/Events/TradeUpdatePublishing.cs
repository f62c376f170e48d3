using Microsoft.Extensions.Hosting;

namespace EscrowP2P.Core.Events;

/// <summary>
/// Pushes queued trade updates to clients one at a time, in the order they were committed (so each trade's seq
/// arrives in order). An update whose send fails is dropped and counted, never retried: a later update must not
/// wait behind it, and clients recover missed ones with JoinTrade(afterSeq). A send that neither completes nor fails
/// within <see cref="SendTimeout"/> (a backplane whose connection died unnoticed) counts as failed, so the queue
/// never stalls behind it.
/// </summary>
public sealed class TradeUpdatePublishing(PendingTradeUpdates pending, ITradeUpdatePublisher publisher, DroppedTradeUpdates dropped) : BackgroundService
{
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var update in pending.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    // On the thread pool: a send that blocks before it returns its task is bounded by the time limit too.
                    await Task.Run(() => publisher.PublishAsync(update, stoppingToken), stoppingToken).WaitAsync(SendTimeout, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    dropped.SendFailed(update, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: whatever is still queued is stored, and clients rejoin after the restart.
        }
    }
}
