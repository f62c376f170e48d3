using EscrowP2P.Core.Events;
using EscrowP2P.Core.Tests.Support;
using static EscrowP2P.Core.Tests.Support.EscrowEvents;

namespace EscrowP2P.Core.Tests.Events;

/// <summary>Each event is reported when seen and once more when it reaches the configured depth; never when orphaned.</summary>
public sealed class EventIngestorConfirmationTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    public async Task An_event_is_confirmed_in_the_block_that_makes_it_deep_enough(int depth)
    {
        using var ingestion = new ScriptedIngestion(confirmationDepth: depth);
        var id = NewTradeId();
        ingestion.Chain.Mine(Created(id));
        var seen = (await ingestion.CatchUpAsync()).ShouldHaveSingleItem();

        var confirmedAfter = new List<int>();
        for (var blocksOnTop = 1; blocksOnTop <= depth + 2; blocksOnTop++)
        {
            ingestion.Chain.MineEmpty(1);
            var updates = await ingestion.CatchUpAsync();
            if (updates.Any(u => u.Kind == TradeUpdateKind.Confirmed)) confirmedAfter.Add(blocksOnTop);
        }

        (seen.Kind, seen.Event.Confirmed).ShouldBe((TradeUpdateKind.Event, false));
        confirmedAfter.ShouldBe([depth - 1]);
        ingestion.EventsOf(id).ShouldHaveSingleItem().Confirmed.ShouldBeTrue();
    }

    [Fact]
    public async Task With_a_depth_of_one_an_event_arrives_confirmed_in_its_own_block()
    {
        using var ingestion = new ScriptedIngestion(confirmationDepth: 1);
        var id = NewTradeId();
        ingestion.Chain.Mine(Created(id));

        var seen = (await ingestion.CatchUpAsync()).ShouldHaveSingleItem();
        ingestion.Chain.MineEmpty(3);
        var later = await ingestion.CatchUpAsync();

        (seen.Kind, seen.Event.Confirmed).ShouldBe((TradeUpdateKind.Event, true));
        later.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_event_already_deep_when_first_seen_arrives_confirmed_without_a_second_message()
    {
        using var ingestion = new ScriptedIngestion(confirmationDepth: 3);
        var id = NewTradeId();
        ingestion.Chain.Mine(Created(id));
        ingestion.Chain.MineEmpty(5);

        var updates = await ingestion.CatchUpAsync();

        var update = updates.ShouldHaveSingleItem();
        update.Kind.ShouldBe(TradeUpdateKind.Event);
        update.Event.Confirmed.ShouldBeTrue();
    }

    [Fact]
    public async Task An_orphaned_event_is_never_confirmed()
    {
        using var ingestion = new ScriptedIngestion(confirmationDepth: 3);
        var id = NewTradeId();
        ingestion.Chain.Mine(Created(id));
        var paidIn = ingestion.Chain.Mine(Paid(id));
        await ingestion.CatchUpAsync();

        ingestion.Chain.Reorg(paidIn.Number);
        var updates = new List<TradeUpdate>();
        for (var i = 0; i < 5; i++)
        {
            ingestion.Chain.MineEmpty(1);
            updates.AddRange(await ingestion.CatchUpAsync());
        }

        updates.Where(u => u.Event.Name == "TradePaid").Select(u => u.Kind).ShouldBe([TradeUpdateKind.Removed]);
        var paid = ingestion.EventsOf(id).Single(e => e.Name == "TradePaid");
        (paid.Removed, paid.Confirmed).ShouldBe((true, false));
    }

    [Fact]
    public async Task Every_message_of_a_trade_takes_the_next_sequence_number()
    {
        using var ingestion = new ScriptedIngestion(confirmationDepth: 2);
        var id = NewTradeId();
        var updates = new List<TradeUpdate>();
        ingestion.Chain.Mine(Created(id));
        updates.AddRange(await ingestion.CatchUpAsync());
        ingestion.Chain.Mine(Paid(id));
        updates.AddRange(await ingestion.CatchUpAsync());
        ingestion.Chain.MineEmpty(1);
        updates.AddRange(await ingestion.CatchUpAsync());

        updates.Select(u => (u.Event.Name, u.Kind, u.Seq)).ShouldBe([
            ("TradeCreated", TradeUpdateKind.Event, 1L),
            ("TradePaid", TradeUpdateKind.Event, 2L),
            ("TradeCreated", TradeUpdateKind.Confirmed, 3L),
            ("TradePaid", TradeUpdateKind.Confirmed, 4L),
        ]);
        ingestion.Trade(id)!.LastSeq.ShouldBe(4);
    }
}
