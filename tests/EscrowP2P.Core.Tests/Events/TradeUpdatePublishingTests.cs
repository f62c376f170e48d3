using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Core.Events;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace EscrowP2P.Core.Tests.Events;

/// <summary>The queue between ingestion and the hub: handing over never waits, order is kept, what cannot go out is counted.</summary>
public sealed class TradeUpdatePublishingTests : IDisposable
{
    private static readonly TradeId Trade = TradeId.Parse("0x" + new string('a', 64));
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Meter _meter = new("EscrowP2P");
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _dropped = new();
    private readonly DroppedTradeUpdates _drops;

    public TradeUpdatePublishingTests()
    {
        var meters = new Mock<IMeterFactory>();
        meters.Setup(f => f.Create(It.IsAny<MeterOptions>())).Returns(_meter);
        _drops = new DroppedTradeUpdates(meters.Object, NullLogger<DroppedTradeUpdates>.Instance);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == _meter && instrument.Name == "escrowp2p.hub.updates.dropped") listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags) if (tag.Key == "reason") _dropped.AddOrUpdate((string)tag.Value!, value, (_, sum) => sum + value);
        });
        _listener.Start();
    }

    [Fact]
    public void A_full_queue_drops_the_oldest_updates_and_counts_them()
    {
        var pending = new PendingTradeUpdates(_drops, capacity: 3);

        pending.Enqueue([.. Enumerable.Range(1, 5).Select(Update)]);

        var kept = new List<long>();
        while (pending.Reader.TryRead(out var update)) kept.Add(update.Seq);
        kept.ShouldBe([3, 4, 5]);
        _dropped[DroppedTradeUpdates.QueueFullReason].ShouldBe(2);
    }

    [Fact]
    public async Task A_failed_send_is_dropped_and_counted_and_the_later_updates_still_go_out_in_order()
    {
        var pending = new PendingTradeUpdates(_drops);
        var sent = new List<long>();
        var lastSent = new TaskCompletionSource();
        var publisher = new Mock<ITradeUpdatePublisher>();
        publisher.Setup(p => p.PublishAsync(It.IsAny<TradeUpdate>(), It.IsAny<CancellationToken>()))
            .Returns((TradeUpdate update, CancellationToken _) =>
            {
                if (update.Seq == 2) throw new InvalidOperationException("the backplane is down");
                sent.Add(update.Seq);
                if (update.Seq == 4) lastSent.SetResult();
                return Task.CompletedTask;
            });
        using var publishing = new TradeUpdatePublishing(pending, publisher.Object, _drops);
        await publishing.StartAsync(CancellationToken.None);

        pending.Enqueue([Update(1), Update(2)]);
        pending.Enqueue([Update(3), Update(4)]);
        await lastSent.Task.WaitAsync(Patience);
        await publishing.StopAsync(CancellationToken.None);

        sent.ShouldBe([1, 3, 4]);
        _dropped[DroppedTradeUpdates.SendFailedReason].ShouldBe(1);
    }

    [Fact]
    public async Task A_send_that_hangs_never_holds_up_the_hand_over_of_new_updates()
    {
        var pending = new PendingTradeUpdates(_drops, capacity: 10);
        var hanging = new TaskCompletionSource();
        var publisher = new Mock<ITradeUpdatePublisher>();
        publisher.Setup(p => p.PublishAsync(It.IsAny<TradeUpdate>(), It.IsAny<CancellationToken>()))
            .Returns((TradeUpdate _, CancellationToken stopping) =>
            {
                hanging.TrySetResult();
                return Task.Delay(Timeout.Infinite, stopping);
            });
        using var publishing = new TradeUpdatePublishing(pending, publisher.Object, _drops);
        await publishing.StartAsync(CancellationToken.None);
        pending.Enqueue([Update(1)]);
        await hanging.Task.WaitAsync(Patience);

        pending.Enqueue([.. Enumerable.Range(2, 100).Select(Update)]);

        _dropped[DroppedTradeUpdates.QueueFullReason].ShouldBe(90); // 100 handed over, 10 wait behind the hanging send
        await publishing.StopAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meter.Dispose();
    }

    private static TradeUpdate Update(int seq) => new(Trade, seq, TradeUpdateKind.Event, "Funded", "0xseller", "0xbuyer",
        new TradeEventView("TradePaid", new Dictionary<string, string>(), seq, "0xblock", "0xtx", 0, 1, false, false, seq));
}
