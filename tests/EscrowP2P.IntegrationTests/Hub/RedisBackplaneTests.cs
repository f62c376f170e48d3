using System.Net;
using EscrowP2P.DevChain;
using EscrowP2P.IntegrationTests.Support;
using EscrowP2P.TestSupport;
using EscrowP2P.TestSupport.Servers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using DroppedTradeUpdates = EscrowP2P.Core.Events.DroppedTradeUpdates;

namespace EscrowP2P.IntegrationTests.Hub;

/// <summary>The hub on SignalR's Redis backplane: every message goes through Redis, even to clients of the sending instance.</summary>
public class RedisBackplaneTests(RedisBackplaneFixture app) : IClassFixture<RedisBackplaneFixture>, IAsyncLifetime
{
    // A test that failed while Redis was down must not fail the ones after it.
    public Task InitializeAsync() => app.EnsureRedisRunsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Trade_group_and_user_group_clients_receive_every_update_of_an_eth_trade_with_the_stored_seqs()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[0], DevAccounts.Traders[1]);
        await using var seller = await TradeFeed.ConnectAsync(app, trade.Seller);
        await using var buyer = await TradeFeed.ConnectAsync(app, trade.Buyer);
        var prepared = await trade.PrepareAsync(TradeScenario.Eth, 1_000_000_000);
        await seller.JoinAsync(trade.TradeId);

        foreach (var tx in prepared.GetProperty("transactions").EnumerateArray()) await app.SignAndSendAsync(trade.Seller, tx);
        await trade.ActAsync("mark-paid", trade.Buyer);
        await trade.ActAsync("release", trade.Seller);
        await app.MineAsync();
        await app.MineAsync();
        await app.WaitForIngestionAsync();

        var stored = await seller.JoinAsync(trade.TradeId);
        stored.Events.Select(e => e.Name).ShouldBe(["TradeCreated", "TradePaid", "TradeCompleted"]);
        stored.Events.ShouldAllBe(e => e.Confirmed);
        var live = new Dictionary<long, TradeUpdate>();
        while (live.Count < stored.LastSeq)
        {
            var update = await seller.NextAsync(u => u.TradeId == trade.TradeId);
            live.TryAdd(update.Seq, update); // the seller's user group repeats the creation's updates
        }
        live.Keys.Order().ShouldBe(Enumerable.Range(1, (int)stored.LastSeq).Select(i => (long)i));
        foreach (var stage in stored.Events)
        {
            live[stage.Seq].Kind.ShouldBe(TradeUpdate.EventKind);
            live[stage.Seq].Event.TransactionHash.ShouldBe(stage.TransactionHash);
            live.Values.ShouldContain(u => u.Kind == TradeUpdate.ConfirmedKind && u.Event.Seq == stage.Seq);
        }
        live[stored.LastSeq].Status.ShouldBe("Completed");

        // The buyer never joined the trade: its user group carried the creation and its confirmation.
        var created = await buyer.NextEventAsync(trade.TradeId, "TradeCreated");
        created.Seq.ShouldBe(stored.Events[0].Seq);
        (await buyer.NextEventAsync(trade.TradeId, "TradeCreated", TradeUpdate.ConfirmedKind)).Event.Seq.ShouldBe(created.Seq);
    }

    [Fact]
    public async Task While_redis_is_down_ingestion_and_rest_go_on_and_a_client_that_rejoins_gets_exactly_what_it_missed()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[2], DevAccounts.Traders[3]);
        await using var buyer = await TradeFeed.ConnectAsync(app, trade.Buyer);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);
        var seen = await buyer.NextEventAsync(trade.TradeId, "TradeCreated");
        await buyer.JoinAsync(trade.TradeId);
        var droppedBefore = app.DroppedUpdates(DroppedTradeUpdates.SendFailedReason);

        await app.Redis.KillAsync();
        var degraded = await app.WaitForRedisCheckAsync("Degraded");
        degraded.GetProperty("status").GetString().ShouldBe("Degraded");
        degraded.GetProperty("checks").GetProperty("redis").GetProperty("description").GetString()!.ShouldContain("Redis does not answer");

        await trade.ActAsync("mark-paid", trade.Buyer); // returns once the app has stored the block
        (await trade.GetAsync(trade.Buyer)).GetProperty("status").GetString().ShouldBe("Paid");
        using (var client = app.CreateClient())
        {
            (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        await WaitUntilAsync("the failed sends are counted", () => Task.FromResult(app.DroppedUpdates(DroppedTradeUpdates.SendFailedReason) > droppedBefore));
        using (var client = app.CreateClient())
        {
            (await client.GetStringAsync(new Uri("/metrics", UriKind.Relative))).ShouldContain("escrowp2p_hub_updates_dropped");
        }
        buyer.Drain().ShouldNotContain(u => u.TradeId == trade.TradeId && u.Seq > seen.Seq);

        await app.Redis.StartAgainAsync();
        await app.WaitForRedisCheckAsync("Healthy");
        var missed = await buyer.JoinAsync(trade.TradeId, seen.Seq);
        missed.Trade.Status.ShouldBe("Paid");
        missed.Events.Select(e => e.Name).ShouldBe(["TradeCreated", "TradePaid"]); // the creation's confirmation, the payment
        missed.Events[0].Confirmed.ShouldBeTrue();

        await trade.ActAsync("release", trade.Seller);
        var completed = await buyer.NextEventAsync(trade.TradeId, "TradeCompleted");
        completed.Seq.ShouldBeGreaterThan(missed.LastSeq);
        completed.Status.ShouldBe("Completed");
    }

    [Fact]
    public async Task A_join_refused_while_redis_is_down_can_be_repeated_once_it_is_back_and_live_updates_flow()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[3], DevAccounts.Traders[2]);
        await using var buyer = await TradeFeed.ConnectAsync(app, trade.Buyer);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);
        await buyer.NextEventAsync(trade.TradeId, "TradeCreated");

        await app.Redis.KillAsync();
        await app.WaitForRedisCheckAsync("Degraded");
        var refused = await Should.ThrowAsync<HubException>(() => buyer.JoinAsync(trade.TradeId));
        refused.Message.ShouldContain("Live updates are unavailable");

        await app.Redis.StartAgainAsync();
        await app.WaitForRedisCheckAsync("Healthy");
        var joined = await buyer.JoinAsync(trade.TradeId);
        await trade.ActAsync("mark-paid", trade.Buyer);
        (await buyer.NextEventAsync(trade.TradeId, "TradePaid")).Seq.ShouldBeGreaterThan(joined.LastSeq);
    }

    [Fact]
    public async Task A_client_of_an_instance_that_does_not_ingest_receives_what_the_ingesting_instance_publishes()
    {
        var restOnly = app.StartRestOnlyInstance();
        var trade = new TradeScenario(app, DevAccounts.Traders[4], DevAccounts.Traders[5]);
        await using var buyer = await TradeFeed.ConnectAsync(app, trade.Buyer, restOnly);

        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);

        var created = await buyer.NextEventAsync(trade.TradeId, "TradeCreated");
        created.Seq.ShouldBe(1);
        created.Seller.ShouldBe(trade.Seller.Address);
        using var client = new HttpClient { BaseAddress = restOnly };
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        (await ready.Content.ReadAsStringAsync()).ShouldContain("this instance does not ingest");
    }

    [Fact]
    public async Task Deployments_with_another_channel_prefix_on_the_same_redis_do_not_receive_each_others_updates()
    {
        var otherDeployment = app.StartRestOnlyInstance(new Dictionary<string, string?> { ["Redis:ChannelPrefix"] = "another-deployment" });
        var trade = new TradeScenario(app, DevAccounts.Traders[5], DevAccounts.Traders[6]);
        await using var here = await TradeFeed.ConnectAsync(app, trade.Buyer);
        await using var there = await TradeFeed.ConnectAsync(app, trade.Buyer, otherDeployment);

        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);

        await here.NextEventAsync(trade.TradeId, "TradeCreated");
        // The same user's connection on this deployment got it through Redis, so the other one would have too.
        there.Drain().ShouldNotContain(u => u.TradeId == trade.TradeId);
    }

    [Fact]
    public async Task An_instance_started_while_redis_is_down_serves_rest_and_connects_to_redis_once_it_is_up()
    {
        await using var lateRedis = await RedisServer.StartAsync();
        await lateRedis.KillAsync();
        var instance = app.StartRestOnlyInstance(new Dictionary<string, string?> { ["Redis:ConnectionString"] = lateRedis.ConnectionString });

        using var client = new HttpClient { BaseAddress = instance };
        (await client.GetAsync(new Uri("/api/chain", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.WaitForRedisCheckAsync("Degraded", instance);

        await lateRedis.StartAgainAsync();
        await app.WaitForRedisCheckAsync("Healthy", instance);
        await using var feed = await TradeFeed.ConnectAsync(app, DevAccounts.Traders[5], instance);
    }

    [Fact]
    public async Task The_redis_password_never_reaches_the_logs()
    {
        const string password = "redis-password-never-logged";
        var logs = new RecordingLogSink();
        var instance = app.StartRestOnlyInstance(
            new Dictionary<string, string?>
            {
                // This Redis has no password and lets the AUTH pass: what matters is what the app writes about the string.
                ["Redis:ConnectionString"] = $"{app.Redis.ConnectionString},password={password}",
                ["Serilog:MinimumLevel:Default"] = "Verbose",
            },
            services => services.AddSingleton<ILogEventSink>(logs));

        await app.WaitForRedisCheckAsync("Healthy", instance);
        await using (await TradeFeed.ConnectAsync(app, DevAccounts.Traders[5], instance))
        {
            await app.Redis.KillAsync();
            await app.WaitForRedisCheckAsync("Degraded", instance);
            await app.Redis.StartAgainAsync();
            await app.WaitForRedisCheckAsync("Healthy", instance);
            await app.WaitForRedisCheckAsync("Healthy"); // the other tests' instance, on the same Redis
        }

        logs.Lines.ShouldContain(line => line.Contains("Redis", StringComparison.OrdinalIgnoreCase), "the Redis connection is logged");
        logs.Lines.Where(line => line.Contains(password)).ShouldBeEmpty("these log lines carry the Redis password");
    }

    [Fact]
    public async Task A_client_that_skips_negotiation_and_connects_over_websockets_receives_its_updates()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[6], DevAccounts.Traders[4]);
        await using var buyer = await TradeFeed.ConnectAsync(app, trade.Buyer, skipNegotiation: true);

        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);

        var created = await buyer.NextEventAsync(trade.TradeId, "TradeCreated");
        (await buyer.JoinAsync(trade.TradeId)).LastSeq.ShouldBeGreaterThanOrEqualTo(created.Seq);
        await trade.ActAsync("mark-paid", trade.Buyer);
        (await buyer.NextEventAsync(trade.TradeId, "TradePaid")).Status.ShouldBe("Paid");
    }

    private static async Task WaitUntilAsync(string what, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"waited in vain until {what}");
            await Task.Delay(50);
        }
    }
}
