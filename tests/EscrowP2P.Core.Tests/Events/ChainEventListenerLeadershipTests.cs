using System.Diagnostics.Metrics;
using EscrowP2P.Chain.Events;
using EscrowP2P.Core.Events;
using EscrowP2P.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using static EscrowP2P.Core.Tests.Support.EscrowEvents;

namespace EscrowP2P.Core.Tests.Events;

/// <summary>The listener ingests only while it holds the ingestion lock, stops the moment it loses it, and resumes from the stored cursor.</summary>
public sealed class ChainEventListenerLeadershipTests : IDisposable
{
    private readonly ScriptedIngestion _ingestion = new(confirmationDepth: 1);
    private readonly GrantableIngestionLock _lock = new();
    private readonly IngestionProgress _progress = new(TimeProvider.System);
    private readonly IngestionLeadership _leadership = new(NullLogger<IngestionLeadership>.Instance);
    private readonly TestMeterFactory _meters = new();

    [Fact]
    public async Task A_leader_that_loses_the_lock_stops_ingesting_and_resumes_from_the_stored_cursor_once_granted_again()
    {
        var before = NewTradeId();
        _ingestion.Chain.Mine(Created(before));
        using var listener = Listener();
        await listener.StartAsync(CancellationToken.None);
        await _progress.WaitForBlockAsync(_ingestion.Chain.Head).WaitAsync(TimeSpan.FromSeconds(30));
        _leadership.IsLeader.ShouldBeTrue();

        _lock.Lose();
        await WaitUntilAsync(() => !_leadership.IsLeader);
        var cursorWhenDeposed = _ingestion.Cursor().BlockNumber;
        var after = NewTradeId();
        _ingestion.Chain.Mine(Created(after), Paid(before));
        _ingestion.Chain.MineEmpty(2);
        var notIngestedWhileFollowing = _ingestion.Cursor().BlockNumber;
        _lock.Grants = true;
        await _progress.WaitForBlockAsync(_ingestion.Chain.Head).WaitAsync(TimeSpan.FromSeconds(30));
        await listener.StopAsync(CancellationToken.None);

        notIngestedWhileFollowing.ShouldBe(cursorWhenDeposed);
        _ingestion.EventsOf(before).Select(e => e.Seq).ShouldBe([1, 2]);
        _ingestion.EventsOf(after).Select(e => e.Seq).ShouldBe([1]);
        _ingestion.Cursor().BlockNumber.ShouldBe(_ingestion.Chain.Head);
    }

    [Fact]
    public async Task An_instance_refused_the_lock_ingests_nothing_until_it_is_granted()
    {
        _lock.Grants = false;
        _ingestion.Chain.Mine(Created(NewTradeId()));
        using var listener = Listener();
        await listener.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => _lock.Attempts >= 3);
        var ledWhileRefused = _leadership.IsLeader;
        int cursorsWhileRefused;
        await using (var db = _ingestion.Store.CreateDbContext()) cursorsWhileRefused = await db.ChainCursors.CountAsync();

        _lock.Grants = true;
        await _progress.WaitForBlockAsync(_ingestion.Chain.Head).WaitAsync(TimeSpan.FromSeconds(30));
        var ledAfterGrant = _leadership.IsLeader;
        await listener.StopAsync(CancellationToken.None);

        ledWhileRefused.ShouldBeFalse();
        cursorsWhileRefused.ShouldBe(0, "nothing was ingested while another instance led");
        ledAfterGrant.ShouldBeTrue();
        _leadership.IsLeader.ShouldBeFalse("a stopped instance leads nothing");
    }

    public void Dispose()
    {
        _ingestion.Dispose();
        _meters.Dispose();
    }

    private ChainEventListener Listener() => new(
        _ingestion.Ingestor,
        new PendingTradeUpdates(new DroppedTradeUpdates(_meters, NullLogger<DroppedTradeUpdates>.Instance)),
        new ChainHeadSignal(),
        _progress,
        new IngestionMetrics(_meters, _progress, _leadership),
        _lock,
        _leadership,
        Options.Create(new EventOptions { PollIntervalMilliseconds = 10, LeaderRetryMilliseconds = 50 }),
        NullLogger<ChainEventListener>.Instance);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition()) await Task.Delay(TimeSpan.FromMilliseconds(10), deadline.Token);
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
