using System.Net;
using EscrowP2P.DevChain;
using EscrowP2P.IntegrationTests.Support;
using EscrowP2P.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace EscrowP2P.IntegrationTests.Hub;

public class TradeFeedTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    [Fact]
    public async Task Parties_receive_every_event_of_an_eth_trade_with_its_fields_in_sequence()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[0], DevAccounts.Traders[1]);
        await using var seller = await TradeFeed.ConnectAsync(app, trade.Seller);
        await using var buyer = await TradeFeed.ConnectAsync(app, trade.Buyer);
        var amount = Nethereum.Web3.Web3.Convert.ToWei(1);

        await trade.FundAsync(TradeScenario.Eth, amount);
        var created = await buyer.NextEventAsync(trade.TradeId, "TradeCreated");
        created.Seq.ShouldBe(1);
        created.Status.ShouldBe("Funded");
        created.Event.Arguments["seller"].ShouldBe(trade.Seller.Address);
        created.Event.Arguments["buyer"].ShouldBe(trade.Buyer.Address);
        created.Event.Arguments["token"].ShouldBe(TradeScenario.Eth);
        created.Event.Arguments["amount"].ShouldBe(amount.ToString());
        created.Event.Arguments["feeBps"].ShouldBe("100");
        created.Event.TransactionHash.ShouldMatch("^0x[0-9a-f]{64}$");
        created.Event.Confirmations.ShouldBeGreaterThanOrEqualTo(1);
        (await seller.NextEventAsync(trade.TradeId, "TradeCreated")).Seq.ShouldBe(1);

        var snapshot = await buyer.JoinAsync(trade.TradeId);
        snapshot.Trade.Status.ShouldBe("Funded");
        await trade.ActAsync("mark-paid", trade.Buyer);
        var paid = await buyer.NextEventAsync(trade.TradeId, "TradePaid");
        paid.Status.ShouldBe("Paid");
        paid.Seq.ShouldBeGreaterThan(snapshot.LastSeq);

        await trade.ActAsync("release", trade.Seller);
        var completed = await buyer.NextEventAsync(trade.TradeId, "TradeCompleted");
        completed.Status.ShouldBe("Completed");
        completed.Event.Arguments["fee"].ShouldBe((amount / 100).ToString());
        completed.Event.Arguments["buyerAmount"].ShouldBe((amount - amount / 100).ToString());
        completed.Seq.ShouldBeGreaterThan(paid.Seq);
    }

    [Fact]
    public async Task Stablecoin_dispute_events_reach_the_trade_group_and_are_confirmed_at_depth()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[2], DevAccounts.Traders[3]);
        await using var buyer = await TradeFeed.ConnectAsync(app, trade.Buyer);
        await trade.FundAsync(app.Deployment.StablecoinAddress, 5_000_000);
        await buyer.NextEventAsync(trade.TradeId, "TradeCreated");
        await buyer.JoinAsync(trade.TradeId);

        await trade.ActAsync("mark-paid", trade.Buyer);
        await trade.ActAsync("dispute", trade.Buyer);
        var disputed = await buyer.NextEventAsync(trade.TradeId, "DisputeOpened");
        disputed.Event.Arguments["by"].ShouldBe(trade.Buyer.Address);
        disputed.Status.ShouldBe("Disputed");

        await app.MineAsync();
        var confirmed = await buyer.NextEventAsync(trade.TradeId, "DisputeOpened", TradeUpdate.ConfirmedKind);
        confirmed.Event.Confirmed.ShouldBeTrue();
        confirmed.Event.Seq.ShouldBe(disputed.Seq);
        confirmed.Seq.ShouldBeGreaterThan(disputed.Seq);
    }

    [Fact]
    public async Task Cancellation_and_moderator_resolution_reach_the_trade_group_with_their_arguments()
    {
        var cancelled = new TradeScenario(app, DevAccounts.Traders[5], DevAccounts.Traders[6]);
        var resolved = new TradeScenario(app, DevAccounts.Traders[6], DevAccounts.Traders[5]);
        await using var party = await TradeFeed.ConnectAsync(app, DevAccounts.Traders[6]);
        await cancelled.FundAsync(app.Deployment.StablecoinAddress, 3_000_000);
        await resolved.FundAsync(TradeScenario.Eth, 1_000_000_000);
        await party.JoinAsync(cancelled.TradeId);
        await party.JoinAsync(resolved.TradeId);

        await cancelled.ActAsync("cancel", cancelled.Buyer);
        var cancel = await party.NextEventAsync(cancelled.TradeId, "TradeCancelled");
        cancel.Event.Arguments["by"].ShouldBe(cancelled.Buyer.Address);
        cancel.Status.ShouldBe("Cancelled");

        await resolved.ActAsync("mark-paid", resolved.Buyer);
        await resolved.ActAsync("dispute", resolved.Buyer);
        using var moderator = await app.ClientForAsync(DevAccounts.Moderator);
        (await moderator.ResolveAsync(resolved.TradeId, 2500, "hub-" + resolved.TradeId, "partial payment proven")).Status.ShouldBe(HttpStatusCode.OK);

        var resolution = await party.NextEventAsync(resolved.TradeId, "DisputeResolved");
        resolution.Status.ShouldBe("Resolved");
        resolution.Event.Arguments["moderator"].ShouldBe(DevAccounts.Moderator.Address);
        resolution.Event.Arguments["buyerBps"].ShouldBe("2500");
        var buyerShare = 1_000_000_000L * 2500 / 10_000;
        resolution.Event.Arguments["fee"].ShouldBe((buyerShare / 100).ToString());
        resolution.Event.Arguments["buyerAmount"].ShouldBe((buyerShare - buyerShare / 100).ToString());
        resolution.Event.Arguments["sellerAmount"].ShouldBe((1_000_000_000L - buyerShare).ToString());
    }

    [Fact]
    public async Task An_outsider_cannot_join_a_trade_and_receives_none_of_its_updates()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[4], DevAccounts.Traders[5]);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);
        await using var outsider = await TradeFeed.ConnectAsync(app, DevAccounts.Traders[6]);
        await using var buyer = await TradeFeed.ConnectAsync(app, trade.Buyer);

        var refused = await Should.ThrowAsync<HubException>(() => outsider.JoinAsync(trade.TradeId));
        refused.Message.ShouldContain("You cannot join this trade.");
        var unknown = await Should.ThrowAsync<HubException>(() => outsider.JoinAsync("0x" + new string('7', 64)));
        unknown.Message.ShouldBe(refused.Message);

        await buyer.JoinAsync(trade.TradeId);
        await trade.ActAsync("mark-paid", trade.Buyer);
        await buyer.NextEventAsync(trade.TradeId, "TradePaid");
        // The buyer's copy arrived, so the outsider's would have too.
        outsider.Drain().ShouldNotContain(u => u.TradeId == trade.TradeId);
    }

    [Fact]
    public async Task A_moderator_can_join_any_trade()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[0], DevAccounts.Traders[4]);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);
        await app.WaitForIngestionAsync();
        await using var moderator = await TradeFeed.ConnectAsync(app, DevAccounts.Moderator);

        var snapshot = await moderator.JoinAsync(trade.TradeId);

        snapshot.Trade.Seller.ShouldBe(trade.Seller.Address);
        snapshot.Events.Select(e => e.Name).ShouldBe(["TradeCreated"]);
    }

    [Fact]
    public async Task A_late_or_reconnecting_party_gets_exactly_the_updates_after_its_last_seq()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[1], DevAccounts.Traders[2]);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);
        await app.MineAsync();
        await app.WaitForIngestionAsync();
        long lastSeen;
        await using (var early = await TradeFeed.ConnectAsync(app, trade.Buyer))
        {
            var first = await early.JoinAsync(trade.TradeId);
            first.Events.Single().Confirmed.ShouldBeTrue();
            lastSeen = first.LastSeq;
        }

        await trade.ActAsync("mark-paid", trade.Buyer);
        await trade.ActAsync("dispute", trade.Seller);
        await app.WaitForIngestionAsync();

        await using var reconnected = await TradeFeed.ConnectAsync(app, trade.Buyer);
        var missed = await reconnected.JoinAsync(trade.TradeId, lastSeen);
        var all = await reconnected.JoinAsync(trade.TradeId);

        missed.Events.Select(e => e.Name).ShouldBe(["TradePaid", "DisputeOpened"]);
        missed.Events.ShouldAllBe(e => e.Seq > lastSeen);
        missed.LastSeq.ShouldBe(all.LastSeq);
        missed.Trade.Status.ShouldBe("Disputed");
        all.Events.Select(e => e.Name).ShouldBe(["TradeCreated", "TradePaid", "DisputeOpened"]);
    }

    [Fact]
    public async Task Connecting_without_a_token_is_refused()
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/trades")).Build();

        var refused = await Should.ThrowAsync<HttpRequestException>(() => connection.StartAsync());

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
