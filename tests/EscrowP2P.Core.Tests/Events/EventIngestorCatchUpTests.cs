using EscrowP2P.Chain.Contracts;
using EscrowP2P.Core.Events;
using EscrowP2P.Core.Tests.Support;
using Moq;
using static EscrowP2P.Core.Tests.Support.EscrowEvents;

namespace EscrowP2P.Core.Tests.Events;

/// <summary>Catching up from the start block: bounded ranges, refused ranges, exactly-once storage, role changes.</summary>
public sealed class EventIngestorCatchUpTests : IDisposable
{
    private readonly ScriptedIngestion _ingestion = new(maxBlocksPerBatch: 10, recentBlocksKept: 16);

    [Fact]
    public async Task Catches_up_from_the_start_block_to_the_head()
    {
        var ids = MineTrades(_ingestion.Chain, count: 20, emptyBlocksBetween: 2);

        var updates = await _ingestion.CatchUpAsync();

        var cursor = _ingestion.Cursor();
        cursor.BlockNumber.ShouldBe(_ingestion.Chain.Head);
        cursor.BlockHash.ShouldBe(_ingestion.Chain[_ingestion.Chain.Head].Hash);
        ids.ShouldAllBe(id => _ingestion.Trade(id)!.Status == TradeStatus.Paid);
        updates.Count(u => u.Kind == TradeUpdateKind.Event).ShouldBe(40);
    }

    [Fact]
    public async Task History_is_read_in_bounded_ranges_and_recent_blocks_by_their_hashes()
    {
        _ingestion.Chain.MineEmpty(60);

        await _ingestion.CatchUpAsync();

        // Blocks 45 to 60 are the 16 recent ones: read one by one by hash, never as a range.
        _ingestion.Chain.LogRangesRead.ShouldBe([(1, 10), (11, 20), (21, 30), (31, 40), (41, 44)]);
        _ingestion.Cursor().BlockNumber.ShouldBe(60);
    }

    [Fact]
    public async Task A_range_the_node_refuses_is_asked_for_again_in_smaller_parts()
    {
        var ids = MineTrades(_ingestion.Chain, count: 15, emptyBlocksBetween: 1);
        _ingestion.Chain.MineEmpty(20);
        _ingestion.Chain.WidestLogRange = 3;

        var refused = await _ingestion.StepAsync();
        await _ingestion.CatchUpAsync();

        refused.Updates.ShouldBeEmpty();
        refused.CaughtUp.ShouldBeFalse("the smaller range is asked for at once");
        refused.Cursor.ShouldBe(0);
        _ingestion.Chain.LogRangesRead.ShouldAllBe(range => range.To - range.From + 1 <= 3);
        ids.ShouldAllBe(id => _ingestion.Trade(id)!.Status == TradeStatus.Paid);
        _ingestion.Cursor().BlockNumber.ShouldBe(_ingestion.Chain.Head);
    }

    [Fact]
    public async Task Asking_again_at_the_head_or_after_a_restart_stores_nothing_twice()
    {
        var ids = MineTrades(_ingestion.Chain, count: 5, emptyBlocksBetween: 0);
        await _ingestion.CatchUpAsync();

        var again = await _ingestion.StepAsync();
        _ingestion.Restart();
        var afterRestart = await _ingestion.StepAsync();

        again.CaughtUp.ShouldBeTrue();
        again.Updates.ShouldBeEmpty();
        afterRestart.Updates.ShouldBeEmpty();
        ids.ShouldAllBe(id => _ingestion.EventsOf(id).Count == 2);
    }

    [Fact]
    public async Task A_restarted_ingestor_continues_from_its_stored_cursor()
    {
        var before = MineTrades(_ingestion.Chain, count: 10, emptyBlocksBetween: 1);
        await _ingestion.CatchUpAsync();
        var cursor = _ingestion.Cursor().BlockNumber;
        _ingestion.Chain.LogRangesRead.Clear();

        _ingestion.Restart();
        var after = MineTrades(_ingestion.Chain, count: 3, emptyBlocksBetween: 1);
        _ingestion.Chain.MineEmpty(30);
        await _ingestion.CatchUpAsync();

        _ingestion.Chain.LogRangesRead.ShouldNotBeEmpty();
        _ingestion.Chain.LogRangesRead[0].From.ShouldBe(cursor + 1);
        before.Concat(after).ShouldAllBe(id => _ingestion.EventsOf(id).Count == 2);
    }

    [Fact]
    public async Task Moderator_role_changes_are_told_once_their_blocks_are_stored()
    {
        const string granted = "0x976EA74026E726554dB657fA54763abd0C3a0aa9";
        const string revoked = "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955";
        _ingestion.Chain.Mine(ModeratorRoleGranted(granted), ModeratorRoleRevoked(revoked));

        await _ingestion.CatchUpAsync();

        _ingestion.ModeratorRoles.Verify(l => l.ModeratorRolesChangedAsync(
            It.Is<IReadOnlyCollection<string>>(accounts => accounts.Count == 2 && accounts.Contains(granted) && accounts.Contains(revoked)),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Blocks_without_role_changes_tell_the_moderator_role_listener_nothing()
    {
        MineTrades(_ingestion.Chain, count: 3, emptyBlocksBetween: 1);

        await _ingestion.CatchUpAsync();

        _ingestion.ModeratorRoles.VerifyNoOtherCalls();
    }

    public void Dispose() => _ingestion.Dispose();

    /// <summary>Trades created and marked paid, each event in its own block.</summary>
    private static List<byte[]> MineTrades(ScriptedChain chain, int count, int emptyBlocksBetween)
    {
        var ids = new List<byte[]>();
        for (var i = 0; i < count; i++)
        {
            var id = NewTradeId();
            chain.Mine(Created(id));
            chain.MineEmpty(emptyBlocksBetween);
            chain.Mine(Paid(id));
            ids.Add(id);
        }
        return ids;
    }
}
