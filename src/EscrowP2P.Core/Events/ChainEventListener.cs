using EscrowP2P.Chain.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Core.Events;

/// <summary>
/// Follows the escrow's events while this instance leads ingestion (<see cref="IIngestionLock"/>): catches up in
/// batches, then waits for each new head (pushed over WebSocket when configured, otherwise polled) and ingests it.
/// Publishes only what the ingestor committed, by handing it to <see cref="PendingTradeUpdates"/> without waiting: a
/// slow or failing hub never holds ingestion up. Node outages are retried with back-off; losing the lock stops
/// ingestion at once, and the instance asks for it again like any follower. Nothing but shutdown ends it.
/// </summary>
public sealed partial class ChainEventListener(
    EventIngestor ingestor,
    PendingTradeUpdates updates,
    ChainHeadSignal heads,
    IngestionProgress progress,
    IngestionMetrics metrics,
    IIngestionLock ingestionLock,
    IngestionLeadership leadership,
    IOptions<EventOptions> options,
    ILogger<ChainEventListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await AcquireLeadershipAsync(stoppingToken) is { } lease)
        {
            await using (lease)
            {
                using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
                leadership.Lead();
                await IngestAsync(leading.Token);
                leadership.Follow();
            }
        }
    }

    /// <summary>Asks for the ingestion lock until it is granted; null once the host stops.</summary>
    private async Task<IIngestionLease?> AcquireLeadershipAsync(CancellationToken stoppingToken)
    {
        var retry = TimeSpan.FromMilliseconds(options.Value.LeaderRetryMilliseconds);
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var lease = await ingestionLock.TryAcquireAsync(stoppingToken);
                if (lease is not null) return lease;
                failing = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception ex)
            {
                // Logged once per outage: a follower asks every second.
                if (!failing) LogElectionFailed(ex);
                failing = true;
            }
            try
            {
                await Task.Delay(retry, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
        return null;
    }

    private async Task IngestAsync(CancellationToken leading)
    {
        var pollInterval = TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds);
        var maxBackoff = TimeSpan.FromMilliseconds(options.Value.MaxBackoffMilliseconds);
        var backoff = FirstBackoff;
        while (!leading.IsCancellationRequested)
        {
            try
            {
                var step = await ingestor.StepAsync(leading);
                // Counted before waiters on the progress hear of it, so what they read next includes this step.
                metrics.Record(step);
                progress.ReportProgress(step.Head, step.Cursor);
                updates.Enqueue(step.Updates);
                if (backoff > FirstBackoff) LogRecovered(step.Cursor);
                backoff = FirstBackoff;
                if (step.CaughtUp) await heads.WaitAsync(step.Head, pollInterval, leading);
            }
            catch (OperationCanceledException) when (leading.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                progress.ReportError(ex.Message);
                LogFailed(ex, backoff.TotalMilliseconds);
                try
                {
                    await Task.Delay(backoff, leading);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, maxBackoff.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asking for event ingestion leadership failed; asking again")]
    private partial void LogElectionFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event ingestion failed; retrying in {BackoffMs} ms")]
    private partial void LogFailed(Exception exception, double backoffMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event ingestion recovered at block {Cursor}")]
    private partial void LogRecovered(long cursor);
}
