using System.Security.Cryptography;
using System.Text.Json.Nodes;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.DevChain;
using EscrowP2P.Core.Persistence;
using EscrowP2P.IntegrationTests.Support;
using EscrowP2P.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Serilog.Events;

namespace EscrowP2P.IntegrationTests.Hub;

/// <summary>
/// The stored events and the cursor describe the chain the node has, even when that chain changes between the
/// listener's reads, when the node's log server lags behind its head, or when a log answer carries logs that are
/// not the escrow's.
/// </summary>
public class ChainViewConsistencyTests : IClassFixture<RelayedChainFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string TradeCreatedTopic = "0x" + ABITypedRegistry.GetEvent<TradeCreatedEvent>().Sha3Signature;

    /// <summary>The listener's reads of one step, in order; the chain reorganises right after the named one.</summary>
    public enum ReorgPoint
    {
        AfterHead,
        AfterCursorHeader,
        AfterNewBlockHeader,
        AfterLogs,
    }

    private readonly RelayedChainFixture _app;

    public ChainViewConsistencyTests(RelayedChainFixture app)
    {
        _app = app;
        app.Relay.Reset();
    }

    [Theory]
    [InlineData(ReorgPoint.AfterHead)]
    [InlineData(ReorgPoint.AfterCursorHeader)]
    [InlineData(ReorgPoint.AfterNewBlockHeader)]
    [InlineData(ReorgPoint.AfterLogs)]
    public async Task A_trade_on_a_fork_that_replaces_a_block_between_two_reads_is_stored(ReorgPoint point)
    {
        await _app.WaitForIngestionAsync();
        var (seller, buyer) = (DevAccounts.Traders[0], DevAccounts.Traders[1]);
        var beforeFork = await _app.SnapshotAsync();
        var replaced = (long)(await _app.Reader.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value + 1;
        var tradeId = "";
        var reorganised = _app.Relay.RunAfter(Reads(point, replaced), async () =>
        {
            // The empty block the listener is reading gives way to one that holds a trade.
            await _app.RevertAsync(beforeFork);
            tradeId = (await ChainLedger.CreateEthTradeDirectlyAsync(_app, seller, buyer)).ToHex(prefix: true);
        });

        await _app.MineAsync();
        await reorganised.WaitAsync(Patience);
        await _app.MineAsync();
        await _app.WaitForIngestionAsync(replaced + 1);

        using var client = await _app.ClientForAsync(buyer);
        var trade = await client.GetOkAsync($"/api/trades/{tradeId}");
        trade.GetProperty("status").GetString().ShouldBe("Funded");
        var created = trade.GetProperty("events").EnumerateArray().ShouldHaveSingleItem();
        created.GetProperty("name").GetString().ShouldBe("TradeCreated");
        created.GetProperty("blockNumber").GetInt64().ShouldBe(replaced);
        created.GetProperty("removed").GetBoolean().ShouldBeFalse();
        (await ChainLedger.StoredAsync(_app)).ShouldBe(await ChainLedger.OnChainAsync(_app));
    }

    [Fact]
    public async Task A_trade_is_not_lost_while_the_log_server_lags_behind_the_head()
    {
        await _app.WaitForIngestionAsync();
        var lastSeenByLogs = (long)(await _app.Reader.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;
        var withheld = _app.Relay.LagLogsAfter(lastSeenByLogs);

        var tradeId = (await ChainLedger.CreateEthTradeDirectlyAsync(_app, DevAccounts.Traders[2], DevAccounts.Traders[3])).ToHex(prefix: true);
        await withheld.WaitAsync(Patience);
        _app.Relay.CatchUpLogs();
        await _app.MineAsync();
        await _app.WaitForIngestionAsync();

        using var client = await _app.ClientForAsync(DevAccounts.Traders[3]);
        var trade = await client.GetOkAsync($"/api/trades/{tradeId}");
        trade.GetProperty("status").GetString().ShouldBe("Funded");
        trade.GetProperty("events").EnumerateArray().ShouldHaveSingleItem().GetProperty("name").GetString().ShouldBe("TradeCreated");
        (await ChainLedger.StoredAsync(_app)).ShouldBe(await ChainLedger.OnChainAsync(_app));
    }

    [Fact]
    public async Task Logs_of_another_contract_or_flagged_removed_are_neither_stored_nor_published()
    {
        await _app.WaitForIngestionAsync();
        var (seller, buyer) = (DevAccounts.Traders[4], DevAccounts.Traders[5]);
        await using var feed = await TradeFeed.ConnectAsync(_app, buyer);
        var foreignTrade = RandomTradeId();
        var removedTrade = RandomTradeId();
        var foreignContract = _app.Deployment.StablecoinAddress.ToLowerInvariant();
        var injected = _app.Relay.InjectIntoLogs(logs => logs.OfType<JsonObject>().FirstOrDefault(IsTradeCreated) is { } real
            ? [CopyOf(real, foreignTrade, logIndex: 0x70, address: foreignContract), CopyOf(real, removedTrade, logIndex: 0x71, removed: true)]
            : []);

        var realTrade = (await ChainLedger.CreateEthTradeDirectlyAsync(_app, seller, buyer)).ToHex(prefix: true);
        await injected.WaitAsync(Patience);
        var laterTrade = (await ChainLedger.CreateEthTradeDirectlyAsync(_app, seller, buyer)).ToHex(prefix: true);
        var received = new List<TradeUpdate>();
        // Updates are published in order, so once the later trade's arrived, any for the injected logs would have too.
        await feed.NextAsync(u =>
        {
            received.Add(u);
            return u.TradeId == laterTrade;
        });
        await _app.WaitForIngestionAsync();

        received.ShouldContain(u => u.TradeId == realTrade && u.Event.Name == "TradeCreated");
        received.ShouldNotContain(u => u.TradeId == foreignTrade || u.TradeId == removedTrade);
        (await ChainLedger.StoredAsync(_app)).ShouldBe(await ChainLedger.OnChainAsync(_app));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EscrowDbContext>();
            (await db.Trades.CountAsync(t => t.TradeId == foreignTrade || t.TradeId == removedTrade)).ShouldBe(0);
            (await db.TradeEvents.CountAsync(e => e.TradeId == foreignTrade || e.TradeId == removedTrade || e.LogIndex >= 0x70)).ShouldBe(0);
        }
        var warnings = _app.Logs.LinesAt(LogEventLevel.Warning);
        warnings.Count(w => w.Contains(foreignContract, StringComparison.OrdinalIgnoreCase) && w.Contains("LogIndex=112", StringComparison.Ordinal)).ShouldBe(1, string.Join('\n', warnings));
        warnings.Count(w => w.Contains("removed", StringComparison.OrdinalIgnoreCase) && w.Contains("LogIndex=113", StringComparison.Ordinal)).ShouldBe(1, string.Join('\n', warnings));
    }

    [Fact]
    public async Task After_downtime_history_older_than_the_reorg_window_is_read_by_range_and_recent_blocks_by_hash()
    {
        await _app.WaitForIngestionAsync();
        var (seller, buyer) = (DevAccounts.Traders[6], DevAccounts.Traders[0]);
        var rangeRead = _app.Relay.RunAfter(call => call.Method == "eth_getLogs" && call.Params[0]?["fromBlock"] is not null, () => Task.CompletedTask);
        var hashRead = _app.Relay.RunAfter(call => call.Method == "eth_getLogs" && call.Params[0]?["blockHash"] is not null, () => Task.CompletedTask);

        await _app.StopAppAsync();
        var old = (await ChainLedger.CreateEthTradeDirectlyAsync(_app, seller, buyer)).ToHex(prefix: true);
        for (var i = 0; i < 20; i++) await _app.MineAsync();
        var recent = (await ChainLedger.CreateEthTradeDirectlyAsync(_app, seller, buyer)).ToHex(prefix: true);
        _app.StartApp();
        await _app.WaitForIngestionAsync();

        rangeRead.IsCompletedSuccessfully.ShouldBeTrue();
        hashRead.IsCompletedSuccessfully.ShouldBeTrue();
        using var client = await _app.ClientForAsync(buyer);
        (await client.GetOkAsync($"/api/trades/{old}")).GetProperty("status").GetString().ShouldBe("Funded");
        (await client.GetOkAsync($"/api/trades/{recent}")).GetProperty("status").GetString().ShouldBe("Funded");
        (await ChainLedger.StoredAsync(_app)).ShouldBe(await ChainLedger.OnChainAsync(_app));
    }

    /// <summary>Matches the listener's read after which the chain is to reorganise, in the step that first sees <paramref name="block"/>.</summary>
    private Func<RelayedCall, bool> Reads(ReorgPoint point, long block) => point switch
    {
        ReorgPoint.AfterHead => call => call.Method == "eth_blockNumber" && RelayedCall.Quantity(call.Result!) >= block,
        ReorgPoint.AfterCursorHeader => call => call.RequestedBlock == block - 1 && _app.Relay.LatestHeadAnswered >= block,
        ReorgPoint.AfterNewBlockHeader => call => call.RequestedBlock == block,
        ReorgPoint.AfterLogs => call => call.Method == "eth_getLogs" && _app.Relay.LatestHeadAnswered >= block,
        _ => throw new ArgumentOutOfRangeException(nameof(point)),
    };

    private static bool IsTradeCreated(JsonObject log) =>
        log["topics"]?[0]?.GetValue<string>().Equals(TradeCreatedTopic, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A well-formed escrow TradeCreated in the same block as <paramref name="real"/>, for another trade.</summary>
    private static JsonObject CopyOf(JsonObject real, string tradeId, int logIndex, string? address = null, bool removed = false)
    {
        var copy = real.DeepClone().AsObject();
        copy["topics"]![1] = tradeId;
        copy["logIndex"] = $"0x{logIndex:x}";
        if (address is not null) copy["address"] = address;
        copy["removed"] = removed;
        return copy;
    }

    private static TradeId RandomTradeId() => TradeId.FromBytes(RandomNumberGenerator.GetBytes(32));
}
