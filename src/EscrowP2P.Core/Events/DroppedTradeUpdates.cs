using System.Diagnostics.Metrics;
using EscrowP2P.Chain.Contracts;
using Microsoft.Extensions.Logging;

namespace EscrowP2P.Core.Events;

/// <summary>
/// Committed updates that were not pushed live (escrowp2p.hub.updates.dropped at /metrics, by reason). They are
/// stored, so clients get them when they (re)join with JoinTrade(afterSeq).
/// </summary>
public sealed partial class DroppedTradeUpdates
{
    public const string QueueFullReason = "queue_full";
    public const string SendFailedReason = "send_failed";

    private readonly Counter<long> _dropped;
    private readonly ILogger<DroppedTradeUpdates> _logger;

    public DroppedTradeUpdates(IMeterFactory meterFactory, ILogger<DroppedTradeUpdates> logger)
    {
        _logger = logger;
        _dropped = meterFactory.Create(IngestionMetrics.MeterName)
            .CreateCounter<long>("escrowp2p.hub.updates.dropped", "{update}", "Committed trade updates not pushed live (queue full or send failed)");
    }

    public void QueueWasFull(TradeUpdate oldest)
    {
        _dropped.Add(1, new KeyValuePair<string, object?>("reason", QueueFullReason));
        LogQueueFull(oldest.TradeId, oldest.Seq);
    }

    public void SendFailed(TradeUpdate update, Exception exception)
    {
        _dropped.Add(1, new KeyValuePair<string, object?>("reason", SendFailedReason));
        LogSendFailed(exception, update.TradeId, update.Seq);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing queue full: dropped update {Seq} of trade {TradeId}, the oldest waiting; clients catch up with JoinTrade")]
    private partial void LogQueueFull(TradeId tradeId, long seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update {Seq} of trade {TradeId} was not pushed live; clients catch up with JoinTrade")]
    private partial void LogSendFailed(Exception exception, TradeId tradeId, long seq);
}
