using System.Net;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.DevChain;
using EscrowP2P.IntegrationTests.Support;
using EscrowP2P.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Nethereum.Hex.HexConvertors.Extensions;

namespace EscrowP2P.IntegrationTests.Hub;

public sealed class RestartableChainFixture : EscrowApiFixture
{
    private readonly string _statePath = Path.Combine(Path.GetTempPath(), $"escrowp2p-anvil-{Guid.NewGuid():N}.json");

    protected override EscrowP2P.DevChain.AnvilOptions Options => new() { StatePath = _statePath };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_statePath);
    }
}

/// <summary>The listener against a chain that reorgs, an app that restarts and a node that goes away.</summary>
public class ListenerResilienceTests(RestartableChainFixture app) : IClassFixture<RestartableChainFixture>
{
    [Fact]
    public async Task Restarting_the_api_mid_stream_loses_and_duplicates_no_event()
    {
        for (var i = 0; i < 3; i++) await ChainLedger.CreateEthTradeDirectlyAsync(app, DevAccounts.Traders[0], DevAccounts.Traders[1]);
        await app.WaitForIngestionAsync();

        await app.StopAppAsync();
        for (var i = 0; i < 4; i++) await ChainLedger.CreateEthTradeDirectlyAsync(app, DevAccounts.Traders[2], DevAccounts.Traders[3]);
        app.StartApp();
        for (var i = 0; i < 3; i++) await ChainLedger.CreateEthTradeDirectlyAsync(app, DevAccounts.Traders[4], DevAccounts.Traders[5]);
        await app.WaitForIngestionAsync();

        var onChain = await ChainLedger.OnChainAsync(app);
        var stored = await ChainLedger.StoredAsync(app);
        stored.ShouldBe(onChain);
        stored.Count.ShouldBeGreaterThanOrEqualTo(10);
    }

    [Fact]
    public async Task A_reorg_removes_the_orphaned_event_from_the_store_and_tells_the_clients()
    {
        await app.WaitForIngestionAsync();
        var buyer = DevAccounts.Traders[6];
        await using var feed = await TradeFeed.ConnectAsync(app, buyer);
        var snapshot = await app.SnapshotAsync();

        var tradeId = (await ChainLedger.CreateEthTradeDirectlyAsync(app, DevAccounts.Traders[5], buyer)).ToHex(prefix: true);
        var created = await feed.NextEventAsync(tradeId, "TradeCreated");
        created.Status.ShouldBe("Funded");

        await app.RevertAsync(snapshot);
        for (var i = 0; i < 3; i++) await app.MineAsync();

        var removed = await feed.NextEventAsync(tradeId, "TradeCreated", TradeUpdate.RemovedKind);
        removed.Event.Removed.ShouldBeTrue();
        removed.Event.BlockHash.ShouldBe(created.Event.BlockHash);
        removed.Status.ShouldBe("None");
        removed.Seq.ShouldBeGreaterThan(created.Seq);
        await app.WaitForIngestionAsync();
        (await ChainLedger.StoredAsync(app)).ShouldBe(await ChainLedger.OnChainAsync(app));
    }

    [Fact]
    public async Task A_trade_created_on_chain_whose_creation_a_reorg_removed_is_shown_to_neither_party()
    {
        await app.WaitForIngestionAsync();
        var (seller, buyer) = (DevAccounts.Traders[2], DevAccounts.Traders[6]);
        await using var feed = await TradeFeed.ConnectAsync(app, seller);
        var snapshot = await app.SnapshotAsync();
        var tradeId = (await ChainLedger.CreateEthTradeDirectlyAsync(app, seller, buyer)).ToHex(prefix: true);
        await feed.NextEventAsync(tradeId, "TradeCreated");

        await app.RevertAsync(snapshot);
        for (var i = 0; i < 3; i++) await app.MineAsync();
        await feed.NextEventAsync(tradeId, "TradeCreated", TradeUpdate.RemovedKind);

        foreach (var party in new[] { seller, buyer })
        {
            using var client = await app.ClientForAsync(party);
            await client.ProblemAsync(HttpMethod.Get, $"/api/trades/{tradeId}", null, HttpStatusCode.NotFound);
            var pending = await client.GetOkAsync("/api/trades?status=None&pageSize=100");
            pending.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("tradeId").GetString()).ShouldNotContain(tradeId);
        }
        await Should.ThrowAsync<HubException>(() => feed.JoinAsync(tradeId));
    }

    [Fact]
    public async Task A_prepared_trade_whose_creation_a_reorg_removed_is_pending_again_with_its_terms()
    {
        await app.WaitForIngestionAsync();
        var trade = new TradeScenario(app, DevAccounts.Traders[1], DevAccounts.Traders[6]);
        await using var feed = await TradeFeed.ConnectAsync(app, trade.Seller);
        var snapshot = await app.SnapshotAsync();
        await trade.FundAsync(TradeScenario.Eth, 1_000_000);

        await app.RevertAsync(snapshot);
        for (var i = 0; i < 3; i++) await app.MineAsync();
        await feed.NextEventAsync(trade.TradeId, "TradeCreated", TradeUpdate.RemovedKind);

        var pending = await trade.GetAsync(trade.Seller);
        pending.GetProperty("status").GetString().ShouldBe("None");
        pending.GetProperty("seller").GetString().ShouldBe(trade.Seller.Address);
        pending.GetProperty("buyer").GetString().ShouldBe(trade.Buyer.Address);
        pending.GetProperty("amount").GetString().ShouldBe("1000000");
        pending.GetProperty("fiatCurrency").GetString().ShouldBe("EUR");
        pending.GetProperty("preparedAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
        pending.GetProperty("events")[0].GetProperty("removed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_node_restart_is_survived_and_the_api_keeps_serving_meanwhile()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[0], DevAccounts.Traders[6]);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);
        using var buyer = await app.ClientForAsync(trade.Buyer);

        await app.RestartNodeAsync(whileDown: async () =>
        {
            var whileDown = await buyer.GetOkAsync($"/api/trades/{trade.TradeId}");
            whileDown.GetProperty("status").GetString().ShouldBe("Funded");
            using var ready = await buyer.GetAsync(new Uri("/health/ready", UriKind.Relative));
            ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await ready.Content.ReadAsStringAsync()).ShouldContain("the Ethereum node does not answer");
        });

        await trade.ActAsync("mark-paid", trade.Buyer);
        (await trade.GetAsync(trade.Buyer)).GetProperty("status").GetString().ShouldBe("Paid");
        (await ChainLedger.StoredAsync(app)).ShouldBe(await ChainLedger.OnChainAsync(app));
    }

    [Fact]
    public async Task A_node_that_crashed_and_lost_its_latest_blocks_is_followed_back_to_its_own_chain()
    {
        var buyer = DevAccounts.Traders[4];
        await using var feed = await TradeFeed.ConnectAsync(app, buyer);
        await app.RestartNodeAsync();
        var lost = (await ChainLedger.CreateEthTradeDirectlyAsync(app, DevAccounts.Traders[3], buyer)).ToHex(prefix: true);
        await feed.NextEventAsync(lost, "TradeCreated");

        await app.RestartNodeAsync(kill: true);
        var kept = (await ChainLedger.CreateEthTradeDirectlyAsync(app, DevAccounts.Traders[3], buyer)).ToHex(prefix: true);

        var removed = await feed.NextEventAsync(lost, "TradeCreated", TradeUpdate.RemovedKind);
        removed.Status.ShouldBe("None");
        await feed.NextEventAsync(kept, "TradeCreated");
        await app.WaitForIngestionAsync();
        (await ChainLedger.StoredAsync(app)).ShouldBe(await ChainLedger.OnChainAsync(app));
    }
}
