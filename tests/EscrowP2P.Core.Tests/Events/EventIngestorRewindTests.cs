using EscrowP2P.Chain.Contracts;
using EscrowP2P.Core.Events;
using EscrowP2P.Core.Tests.Support;
using EscrowP2P.Core.Trades;
using static EscrowP2P.Core.Tests.Support.EscrowEvents;

namespace EscrowP2P.Core.Tests.Events;

/// <summary>Reorgs: rewinding to the common ancestor, marking orphaned events removed, refolding the trades.</summary>
public sealed class EventIngestorRewindTests : IDisposable
{
    private readonly ScriptedIngestion _ingestion = new(confirmationDepth: 10);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task An_orphaned_event_is_marked_removed_and_its_trade_rolled_back(int newForkLength)
    {
        var id = NewTradeId();
        _ingestion.Chain.Mine(Created(id));
        var paidIn = _ingestion.Chain.Mine(Paid(id));
        await _ingestion.CatchUpAsync();

        _ingestion.Chain.Reorg(paidIn.Number);
        _ingestion.Chain.MineEmpty(newForkLength);
        var rewind = await _ingestion.StepAsync();

        rewind.Updates.ShouldHaveSingleItem().Kind.ShouldBe(TradeUpdateKind.Removed);
        rewind.Cursor.ShouldBe(paidIn.Number - 1);
        _ingestion.Trade(id)!.Status.ShouldBe(TradeStatus.Funded);
        var paid = _ingestion.EventsOf(id).Single(e => e.Name == "TradePaid");
        paid.Removed.ShouldBeTrue();
        paid.RemovedSeq.ShouldBe(_ingestion.Trade(id)!.LastSeq);
    }

    [Fact]
    public async Task Events_of_the_new_fork_are_ingested_after_the_rewind()
    {
        var id = NewTradeId();
        _ingestion.Chain.Mine(Created(id));
        var paidIn = _ingestion.Chain.Mine(Paid(id));
        await _ingestion.CatchUpAsync();

        _ingestion.Chain.Reorg(paidIn.Number);
        _ingestion.Chain.Mine(Cancelled(id));
        _ingestion.Chain.MineEmpty(2);
        await _ingestion.CatchUpAsync();

        _ingestion.Trade(id)!.Status.ShouldBe(TradeStatus.Cancelled);
        _ingestion.EventsOf(id).Select(e => (e.Name, e.Removed))
            .ShouldBe([("TradeCreated", false), ("TradePaid", true), ("TradeCancelled", false)]);
        _ingestion.Cursor().BlockHash.ShouldBe(_ingestion.Chain[_ingestion.Chain.Head].Hash);
    }

    [Fact]
    public async Task A_deep_reorg_rewinds_to_the_newest_remembered_block_still_on_the_chain()
    {
        _ingestion.Chain.MineEmpty(12);
        await _ingestion.CatchUpAsync();

        _ingestion.Chain.Reorg(5);
        _ingestion.Chain.MineEmpty(10);
        var rewind = await _ingestion.StepAsync();

        rewind.Cursor.ShouldBe(4);
        _ingestion.Cursor().BlockHash.ShouldBe(_ingestion.Chain[4].Hash);
    }

    [Fact]
    public async Task A_block_that_returns_after_a_reorg_revives_its_events_instead_of_storing_them_twice()
    {
        var id = NewTradeId();
        _ingestion.Chain.Mine(Created(id));
        var paidIn = _ingestion.Chain.Mine(Paid(id));
        await _ingestion.CatchUpAsync();

        var original = _ingestion.Chain.Reorg(paidIn.Number);
        _ingestion.Chain.MineEmpty(2);
        await _ingestion.CatchUpAsync();
        _ingestion.Chain.Restore(original);
        _ingestion.Chain.MineEmpty(2);
        await _ingestion.CatchUpAsync();

        _ingestion.Trade(id)!.Status.ShouldBe(TradeStatus.Paid);
        _ingestion.EventsOf(id).Select(e => (e.Name, e.Removed)).ShouldBe([("TradeCreated", false), ("TradePaid", false)]);
    }

    [Fact]
    public async Task A_trade_whose_creation_is_orphaned_names_no_parties()
    {
        var id = NewTradeId();
        _ingestion.Chain.MineEmpty(1);
        var createdIn = _ingestion.Chain.Mine(Created(id));
        await _ingestion.CatchUpAsync();

        _ingestion.Chain.Reorg(createdIn.Number);
        _ingestion.Chain.MineEmpty(2);
        await _ingestion.CatchUpAsync();

        var trade = _ingestion.Trade(id)!;
        trade.Status.ShouldBe(TradeStatus.None);
        (trade.Seller, trade.Buyer, trade.Token, trade.Amount).ShouldBe(("", "", "", ""));
        trade.CreatedBlock.ShouldBeNull();
    }

    [Fact]
    public async Task A_prepared_trade_whose_creation_is_orphaned_is_pending_again_with_its_terms()
    {
        var id = NewTradeId();
        _ingestion.Prepare(new Trade
        {
            TradeId = TradeId.FromBytes(id),
            Seller = Seller,
            Buyer = Buyer,
            Token = Eth,
            Amount = "1000000",
            PaymentWindowSeconds = 1800,
            FiatAmount = "100.00",
            FiatCurrency = "EUR",
            PaymentMethod = "SEPA",
            PreparedAt = DateTimeOffset.UtcNow,
        });
        var createdIn = _ingestion.Chain.Mine(Created(id));
        await _ingestion.CatchUpAsync();

        _ingestion.Chain.Reorg(createdIn.Number);
        _ingestion.Chain.MineEmpty(2);
        await _ingestion.CatchUpAsync();

        var trade = _ingestion.Trade(id)!;
        trade.Status.ShouldBe(TradeStatus.None);
        (trade.Seller, trade.Buyer, trade.FiatAmount).ShouldBe((Seller, Buyer, "100.00"));
        trade.FeeBps.ShouldBeNull();
        trade.ExpiresAt.ShouldBeNull();
    }

    public void Dispose() => _ingestion.Dispose();
}
