using System.Globalization;
using System.Numerics;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace EscrowP2P.TopologyTests;

/// <summary>Two instances, one database, one Redis: what the leader ingests reaches clients of the other instance.</summary>
public sealed class FollowerHubTests(TwoInstanceTopology topology) : IClassFixture<TwoInstanceTopology>
{
    private readonly TopologyClients _clients = new(topology);

    [Fact]
    public async Task Exactly_one_instance_leads_and_both_say_so_on_health_and_metrics()
    {
        var (leader, follower) = await InstanceReadiness.LeaderAndFollowerAsync(topology.Instances);

        (await MetricAsync(leader, "escrowp2p_ingestion_leader")).ShouldBe("1");
        (await MetricAsync(follower, "escrowp2p_ingestion_leader")).ShouldBe("0");
        using var client = new HttpClient { BaseAddress = follower.BaseAddress };
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        ready.IsSuccessStatusCode.ShouldBeTrue(await ready.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("ETH")]
    [InlineData("tUSD")]
    public async Task A_client_of_the_instance_that_does_not_ingest_sees_every_lifecycle_event(string currency)
    {
        var (_, follower) = await InstanceReadiness.LeaderAndFollowerAsync(topology.Instances);
        var seller = DevAccounts.Traders[0];
        var buyer = DevAccounts.Traders[1];
        await using var buyerFeed = await TradeFeed.ConnectAsync(follower.BaseAddress, await _clients.TokenForAsync(buyer));
        await using var sellerFeed = await TradeFeed.ConnectAsync(topology.Proxy.BaseAddress, await _clients.TokenForAsync(seller));

        // Every REST call goes through nginx, which spreads them over both instances.
        using var sellerClient = await _clients.ClientForAsync(seller);
        using var buyerClient = await _clients.ClientForAsync(buyer);
        var token = currency == "ETH" ? EscrowWallet.Eth : topology.Deployment.StablecoinAddress;
        var amount = currency == "ETH" ? BigInteger.Pow(10, 16) : new BigInteger(2_500_000);
        var prepared = await sellerClient.PostOkAsync("/api/p2p/trades", new
        {
            buyer = buyer.Address,
            token,
            amount = amount.ToString(CultureInfo.InvariantCulture),
            paymentWindowSeconds = 1800,
            fiatAmount = "100.00",
            fiatCurrency = "EUR",
            paymentMethod = "SEPA",
        }, System.Net.HttpStatusCode.Created);
        var tradeId = prepared.GetProperty("tradeId").GetString()!;
        foreach (var tx in prepared.GetProperty("transactions").EnumerateArray()) await topology.SignAndSendAsync(seller, tx);

        var created = await buyerFeed.NextEventAsync(tradeId, "TradeCreated");
        var snapshot = await buyerFeed.JoinAsync(tradeId, created.Seq);
        snapshot.Trade.Status.ShouldNotBeNull();
        await sellerFeed.JoinAsync(tradeId);

        await topology.SignAndSendAsync(buyer, await buyerClient.PostOkAsync($"/api/trades/{tradeId}/mark-paid"));
        var paid = await buyerFeed.NextEventAsync(tradeId, "TradePaid");
        await topology.SignAndSendAsync(seller, await sellerClient.PostOkAsync($"/api/trades/{tradeId}/release"));
        var completed = await buyerFeed.NextEventAsync(tradeId, "TradeCompleted");
        completed.Status.ShouldBe("Completed");
        (await sellerFeed.NextEventAsync(tradeId, "TradeCompleted")).Seq.ShouldBe(completed.Seq);

        var stored = await _clients.TradeAsync(buyer, tradeId, follower.BaseAddress);
        var storedSeqs = stored.GetProperty("events").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("seq").GetInt64());
        storedSeqs.ShouldBe(new Dictionary<string, long>
        {
            ["TradeCreated"] = created.Seq,
            ["TradePaid"] = paid.Seq,
            ["TradeCompleted"] = completed.Seq,
        }, ignoreOrder: true);
    }

    [Fact]
    public async Task A_moderator_connected_to_the_instance_that_does_not_ingest_is_disconnected_when_the_role_is_revoked()
    {
        var (_, follower) = await InstanceReadiness.LeaderAndFollowerAsync(topology.Instances);
        var account = DevAccounts.Traders[6];
        await SetModeratorRoleAsync(account, granted: true);
        var signIn = await SiweLogin.SignInAsync(follower.BaseAddress, account);
        signIn.Roles.ShouldContain("moderator");
        await using var feed = await TradeFeed.ConnectAsync(follower.BaseAddress, signIn.AccessToken);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        feed.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        await SetModeratorRoleAsync(account, granted: false);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        feed.Connection.State.ShouldBe(HubConnectionState.Disconnected);
    }

    private async Task SetModeratorRoleAsync(DevAccount account, bool granted)
    {
        var admin = topology.Web3For(DevAccounts.Admin);
        var escrow = topology.Deployment.EscrowAddress;
        var role = await admin.Eth.GetContractQueryHandler<ModeratorRoleFunction>().QueryAsync<byte[]>(escrow, new ModeratorRoleFunction());
        var receipt = granted
            ? await admin.Eth.GetContractTransactionHandler<GrantRoleFunction>()
                .SendRequestAndWaitForReceiptAsync(escrow, new GrantRoleFunction { Role = role, Account = account.Address })
            : await admin.Eth.GetContractTransactionHandler<RevokeRoleFunction>()
                .SendRequestAndWaitForReceiptAsync(escrow, new RevokeRoleFunction { Role = role, Account = account.Address });
        receipt.Status.Value.ShouldBe(BigInteger.One);
    }

    private static async Task<string> MetricAsync(TestSupport.Servers.ApiProcess instance, string name)
    {
        using var client = new HttpClient { BaseAddress = instance.BaseAddress };
        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal) && !l.StartsWith('#'))
            ?? throw new ShouldAssertException($"/metrics of {instance.Name} has no {name}:\n{text}");
        // name{labels} value [timestamp]
        var afterLabels = line.Contains('}', StringComparison.Ordinal) ? line[(line.LastIndexOf('}') + 1)..] : line[name.Length..];
        return afterLabels.Trim().Split(' ')[0];
    }

}
