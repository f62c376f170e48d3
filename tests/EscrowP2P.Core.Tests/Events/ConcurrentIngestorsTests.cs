using System.Collections.Concurrent;
using EscrowP2P.Core.Events;
using EscrowP2P.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Moq;
using static EscrowP2P.Core.Tests.Support.EscrowEvents;

namespace EscrowP2P.Core.Tests.Events;

/// <summary>
/// Two ingestors on one database, as a deposed leader and its successor can briefly be: the store's fencing lets only
/// one of them commit each step, so nothing is stored or numbered twice and nothing returned goes uncommitted.
/// </summary>
public sealed class ConcurrentIngestorsTests : IDisposable
{
    private readonly SharedTradeStore _store = new();
    private readonly ScriptedChain _chain = new();

    [Fact]
    public async Task Two_ingestors_stepping_together_store_every_event_once_and_number_each_trade_without_gaps()
    {
        var options = new EventOptions { ConfirmationDepth = 2, MaxBlocksPerBatch = 3, RecentBlocksKept = 16 };
        var ingestors = Enumerable.Range(0, 2)
            .Select(_ => ScriptedIngestion.IngestorOver(_chain, _store.Connect(), options, Mock.Of<IModeratorRoleListener>()))
            .ToList();
        // One stores the start cursor first, so that the race below is over events and sequence numbers.
        await ingestors[0].StepAsync(CancellationToken.None);
        var returned = new ConcurrentQueue<TradeUpdate>();
        using var stepped = new SemaphoreSlim(0);
        using var miningDone = new CancellationTokenSource();

        var running = ingestors.Select(ingestor => Task.Run(async () =>
        {
            for (var steps = 0; steps < 20_000; steps++)
            {
                var finished = miningDone.IsCancellationRequested;
                var step = await ingestor.StepAsync(CancellationToken.None);
                foreach (var update in step.Updates) returned.Enqueue(update);
                stepped.Release();
                if (finished && step.CaughtUp && step.Updates.Count == 0 && step.Cursor == _chain.Head) return;
            }
            throw new InvalidOperationException("an ingestor never caught up");
        })).ToList();

        var trades = new List<byte[]>();
        for (var round = 0; round < 60; round++)
        {
            var id = NewTradeId();
            trades.Add(id);
            var earlier = trades[round / 2];
            if (round % 2 == 0) _chain.Mine(Created(id), Paid(earlier));
            else _chain.Mine(Created(id));
            // Both ingestors get to step between blocks, so their steps overlap on catch-up and confirmations alike.
            await stepped.WaitAsync(TimeSpan.FromSeconds(30));
            await stepped.WaitAsync(TimeSpan.FromSeconds(30));
        }
        _chain.MineEmpty(options.ConfirmationDepth);
        await miningDone.CancelAsync();
        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(120));

        await using var db = _store.Connect().CreateDbContext();
        var events = await db.TradeEvents.AsNoTracking().ToListAsync();
        var stored = await db.Trades.AsNoTracking().ToListAsync();
        var expectedEvents = Enumerable.Range(1, (int)_chain.Head).SelectMany(n => _chain[n].Logs).Count();
        events.Count.ShouldBe(expectedEvents);
        events.DistinctBy(e => (e.BlockHash, e.LogIndex)).Count().ShouldBe(expectedEvents);
        stored.Count.ShouldBe(trades.Count);

        var committed = events
            .SelectMany(e => new[] { (e.TradeId, e.Seq, Kind: TradeUpdateKind.Event, e.BlockHash, e.LogIndex) }
                .Concat(e.ConfirmedSeq is { } confirmed ? [(e.TradeId, confirmed, TradeUpdateKind.Confirmed, e.BlockHash, e.LogIndex)] : []))
            .ToList();
        foreach (var trade in stored)
        {
            committed.Where(c => c.TradeId == trade.TradeId).Select(c => c.Seq).Order()
                .ShouldBe(Enumerable.Range(1, (int)trade.LastSeq).Select(n => (long)n), $"trade {trade.TradeId} is numbered 1..{trade.LastSeq} once each");
        }
        var published = returned.Select(u => (u.TradeId, u.Seq, u.Kind, u.Event.BlockHash, u.Event.LogIndex)).ToList();
        published.Count.ShouldBe(published.Distinct().Count(), "no update was returned twice");
        published.ShouldBeSubsetOf(committed, "every returned update was committed");
        committed.ShouldBeSubsetOf(published, "every committed update was returned");
        events.ShouldAllBe(e => e.Confirmed);
    }

    [Fact]
    public async Task Two_ingestors_starting_together_on_an_empty_store_both_start_from_the_one_cursor_stored()
    {
        var options = new EventOptions { ConfirmationDepth = 2, RecentBlocksKept = 16 };
        var ingestors = Enumerable.Range(0, 2)
            .Select(_ => ScriptedIngestion.IngestorOver(_chain, _store.Connect(), options, Mock.Of<IModeratorRoleListener>()))
            .ToList();
        _chain.Mine(Created(NewTradeId()));

        var steps = await Task.WhenAll(ingestors.Select(ingestor => Task.Run(() => ingestor.StepAsync(CancellationToken.None))));

        steps.ShouldAllBe(step => step.Cursor >= 0);
        await using var db = _store.Connect().CreateDbContext();
        (await db.ChainCursors.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task An_ingestor_overtaken_while_it_read_the_node_commits_nothing_and_leaves_the_cursor_where_its_successor_put_it()
    {
        var options = new EventOptions { ConfirmationDepth = 2, RecentBlocksKept = 16 };
        var stalling = new StallingLogReader(_chain);
        var deposed = ScriptedIngestion.IngestorOver(stalling, _store.Connect(), options, Mock.Of<IModeratorRoleListener>());
        var successor = ScriptedIngestion.IngestorOver(_chain, _store.Connect(), options, Mock.Of<IModeratorRoleListener>());
        await deposed.StepAsync(CancellationToken.None);
        var ids = Enumerable.Range(0, 5).Select(_ => NewTradeId()).ToList();
        foreach (var id in ids) _chain.Mine(Created(id));

        var held = stalling.StallNextLogRead();
        var stalledStep = deposed.StepAsync(CancellationToken.None);
        await held.WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var id in ids) _chain.Mine(Paid(id));
        var successorUpdates = new List<TradeUpdate>();
        IngestionStep step;
        do
        {
            step = await successor.StepAsync(CancellationToken.None);
            successorUpdates.AddRange(step.Updates);
        }
        while (!step.CaughtUp);
        stalling.Release();
        var overtaken = await stalledStep.WaitAsync(TimeSpan.FromSeconds(30));

        overtaken.Updates.ShouldBeEmpty();
        await using var db = _store.Connect().CreateDbContext();
        var cursor = await db.ChainCursors.AsNoTracking().SingleAsync();
        (cursor.BlockNumber, cursor.BlockHash).ShouldBe((_chain.Head, _chain[_chain.Head].Hash));
        var events = await db.TradeEvents.AsNoTracking().ToListAsync();
        events.Count.ShouldBe(ids.Count * 2);
        successorUpdates.Count(u => u.Kind == TradeUpdateKind.Event).ShouldBe(ids.Count * 2);
    }

    public void Dispose() => _store.Dispose();
}
