using EscrowP2P.Chain.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Core.Events;

/// <summary>
/// Follows the escrow's events: catches up in batches, then waits for each new head (pushed over WebSocket when
/// configured, otherwise polled) and ingests it. Publishes only what the ingestor committed, by handing it to
/// <see cref="PendingTradeUpdates"/> without waiting: a slow or failing hub never holds ingestion up. Node outages are
/// retried with back-off; nothing but shutdown stops it.
/// </summary>
public sealed partial class ChainEventListener(
    EventIngestor ingestor,
    PendingTradeUpdates updates,
    ChainHeadSignal heads,
    IngestionProgress progress,
    IngestionMetrics metrics,
    IOptions<EventOptions> options,
    ILogger<ChainEventListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pollInterval = TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds);
        var maxBackoff = TimeSpan.FromMilliseconds(options.Value.MaxBackoffMilliseconds);
        var backoff = FirstBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var step = await ingestor.StepAsync(stoppingToken);
                progress.ReportProgress(step.Head, step.Cursor);
                metrics.Record(step);
                updates.Enqueue(step.Updates);
                if (backoff > FirstBackoff) LogRecovered(step.Cursor);
                backoff = FirstBackoff;
                if (step.CaughtUp) await heads.WaitAsync(step.Head, pollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                progress.ReportError(ex.Message);
                LogFailed(ex, backoff.TotalMilliseconds);
                try
                {
                    await Task.Delay(backoff, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, maxBackoff.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event ingestion failed; retrying in {BackoffMs} ms")]
    private partial void LogFailed(Exception exception, double backoffMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event ingestion recovered at block {Cursor}")]
    private partial void LogRecovered(long cursor);
}
