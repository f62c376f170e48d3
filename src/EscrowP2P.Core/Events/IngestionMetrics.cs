using System.Diagnostics.Metrics;

namespace EscrowP2P.Core.Events;

/// <summary>Ingestion metrics for operators (exported at /metrics): what was ingested, reorgs, the lag behind the head, and whether this instance leads.</summary>
public sealed class IngestionMetrics
{
    public const string MeterName = "EscrowP2P";

    private readonly Counter<long> _events;
    private readonly Counter<long> _confirmations;
    private readonly Counter<long> _removals;

    public IngestionMetrics(IMeterFactory meterFactory, IngestionProgress progress, IngestionLeadership leadership)
    {
        var meter = meterFactory.Create(MeterName);
        _events = meter.CreateCounter<long>("escrowp2p.events.ingested", "{event}", "Escrow events stored and published");
        _confirmations = meter.CreateCounter<long>("escrowp2p.events.confirmed", "{event}", "Events that reached the confirmation depth");
        _removals = meter.CreateCounter<long>("escrowp2p.events.removed", "{event}", "Events orphaned by a reorg");
        meter.CreateObservableGauge("escrowp2p.ingestion.lag", () => progress.Lag ?? 0, "{block}", "Blocks between the node's head and the last ingested block");
        meter.CreateObservableGauge("escrowp2p.ingestion.cursor", () => progress.Cursor ?? 0, "{block}", "Last block whose events are stored");
        meter.CreateObservableGauge("escrowp2p.ingestion.leader", () => leadership.IsLeader ? 1 : 0, "{instance}", "1 while this instance leads event ingestion, 0 while another does");
    }

    public void Record(IngestionStep step)
    {
        foreach (var update in step.Updates)
        {
            var counter = update.Kind switch
            {
                TradeUpdateKind.Event => _events,
                TradeUpdateKind.Confirmed => _confirmations,
                TradeUpdateKind.Removed => _removals,
                _ => throw new ArgumentOutOfRangeException(nameof(step), update.Kind, "unknown trade update kind"),
            };
            counter.Add(1);
        }
    }
}
