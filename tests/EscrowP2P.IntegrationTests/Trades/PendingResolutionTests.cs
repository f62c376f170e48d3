using System.Net;
using System.Text.Json;
using EscrowP2P.DevChain;
using EscrowP2P.IntegrationTests.Support;
using EscrowP2P.TestSupport;
using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.IntegrationTests.Trades;

/// <summary>The app with a one-second bound on waiting for a moderator transaction's receipt.</summary>
public sealed class ShortReceiptWaitFixture : EscrowApiFixture
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Chain:ReceiptTimeoutSeconds"] = "1";
}

public class PendingResolutionTests(ShortReceiptWaitFixture app) : IClassFixture<ShortReceiptWaitFixture>
{
    private Task<Nethereum.Hex.HexTypes.HexBigInteger> PendingNonceAsync() =>
        app.Reader.Eth.Transactions.GetTransactionCount.SendRequestAsync(DevAccounts.Moderator.Address, BlockParameter.CreatePending());

    [Fact]
    public async Task A_resolution_not_mined_in_time_answers_202_and_a_retry_reports_the_outcome_once_mined()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[0], DevAccounts.Traders[1]);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);
        await trade.ActAsync("mark-paid", trade.Buyer);
        await trade.ActAsync("dispute", trade.Buyer);
        using var moderator = await app.ClientForAsync(DevAccounts.Moderator);
        var key = "pending-" + trade.TradeId;

        await app.Reader.Client.SendRequestAsync<object>("evm_setAutomine", null, false);
        try
        {
            var first = await moderator.ResolveAsync(trade.TradeId, 10_000, key, "buyer paid");
            first.Status.ShouldBe(HttpStatusCode.Accepted, first.Body.ToString());
            first.Body.GetProperty("status").GetString().ShouldBe("pending");
            var txHash = first.Body.GetProperty("txHash").GetString();
            var nonceAfterSend = await PendingNonceAsync();

            var stillPending = await moderator.ResolveAsync(trade.TradeId, 10_000, key, "buyer paid");
            stillPending.Status.ShouldBe(HttpStatusCode.Accepted);
            stillPending.Body.GetProperty("txHash").GetString().ShouldBe(txHash);
            (await PendingNonceAsync()).Value.ShouldBe(nonceAfterSend.Value);

            await app.MineAsync();
            var mined = await moderator.ResolveAsync(trade.TradeId, 10_000, key, "buyer paid");
            mined.Status.ShouldBe(HttpStatusCode.OK, mined.Body.ToString());
            mined.Body.GetProperty("status").GetString().ShouldBe("mined");
            mined.Body.GetProperty("txHash").GetString().ShouldBe(txHash);
            mined.Body.GetProperty("blockNumber").GetInt64().ShouldBeGreaterThan(0);

            var audit = (await moderator.GetOkAsync($"/api/admin/audit?tradeId={trade.TradeId}")).GetProperty("items").EnumerateArray().Single();
            audit.GetProperty("outcome").GetString().ShouldBe("mined");
            audit.GetProperty("txHash").GetString().ShouldBe(txHash);
        }
        finally
        {
            await app.Reader.Client.SendRequestAsync<object>("evm_setAutomine", null, true);
        }
    }

    [Fact]
    public async Task A_retry_rebroadcasts_the_very_same_transaction_when_the_node_has_lost_it()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[2], DevAccounts.Traders[3]);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);
        await trade.ActAsync("mark-paid", trade.Buyer);
        await trade.ActAsync("dispute", trade.Seller);
        using var moderator = await app.ClientForAsync(DevAccounts.Moderator);
        var key = "lost-" + trade.TradeId;

        await app.Reader.Client.SendRequestAsync<object>("evm_setAutomine", null, false);
        try
        {
            var first = await moderator.ResolveAsync(trade.TradeId, 2_500, key, "split");
            first.Status.ShouldBe(HttpStatusCode.Accepted, first.Body.ToString());
            var txHash = first.Body.GetProperty("txHash").GetString()!;
            var sent = await app.Reader.Eth.Transactions.GetTransactionByHash.SendRequestAsync(txHash);

            // The node forgets the transaction (a restart without its pool, an eviction).
            await app.Reader.Client.SendRequestAsync<object>("anvil_dropTransaction", null, txHash);
            (await app.Reader.Eth.Transactions.GetTransactionByHash.SendRequestAsync(txHash)).ShouldBeNull();

            var retry = await moderator.ResolveAsync(trade.TradeId, 2_500, key, "split");
            retry.Status.ShouldBe(HttpStatusCode.Accepted, retry.Body.ToString());
            retry.Body.GetProperty("txHash").GetString().ShouldBe(txHash);
            var rebroadcast = await app.Reader.Eth.Transactions.GetTransactionByHash.SendRequestAsync(txHash);
            rebroadcast.ShouldNotBeNull();
            rebroadcast.Nonce.Value.ShouldBe(sent.Nonce.Value);
            (await PendingNonceAsync()).Value.ShouldBe(sent.Nonce.Value + 1);

            await app.MineAsync();
            var mined = await moderator.ResolveAsync(trade.TradeId, 2_500, key, "split");
            mined.Status.ShouldBe(HttpStatusCode.OK, mined.Body.ToString());
            mined.Body.GetProperty("status").GetString().ShouldBe("mined");
            mined.Body.GetProperty("txHash").GetString().ShouldBe(txHash);
            (await trade.GetAsync(trade.Seller)).GetProperty("status").GetString().ShouldBe("Resolved");
        }
        finally
        {
            await app.Reader.Client.SendRequestAsync<object>("evm_setAutomine", null, true);
        }
    }

    [Fact]
    public async Task A_retry_whose_lost_transaction_can_no_longer_be_sent_is_a_conflict_and_signs_nothing_new()
    {
        var lost = new TradeScenario(app, DevAccounts.Traders[4], DevAccounts.Traders[5]);
        var other = new TradeScenario(app, DevAccounts.Traders[6], DevAccounts.Traders[5]);
        foreach (var trade in new[] { lost, other })
        {
            await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);
            await trade.ActAsync("mark-paid", trade.Buyer);
            await trade.ActAsync("dispute", trade.Buyer);
        }
        using var moderator = await app.ClientForAsync(DevAccounts.Moderator);

        await app.Reader.Client.SendRequestAsync<object>("evm_setAutomine", null, false);
        try
        {
            var first = await moderator.ResolveAsync(lost.TradeId, 10_000, "nonce-" + lost.TradeId, "buyer paid");
            first.Status.ShouldBe(HttpStatusCode.Accepted, first.Body.ToString());
            var txHash = first.Body.GetProperty("txHash").GetString();
            await app.Reader.Client.SendRequestAsync<object>("anvil_dropTransaction", null, txHash);
            // The next resolution takes the nonce the lost transaction had.
            (await moderator.ResolveAsync(other.TradeId, 0, "nonce-" + other.TradeId, "seller was right")).Status.ShouldBe(HttpStatusCode.Accepted);
            await app.MineAsync();
            var nonceAfterMining = await PendingNonceAsync();

            var retry = await moderator.ResolveAsync(lost.TradeId, 10_000, "nonce-" + lost.TradeId, "buyer paid");

            retry.Status.ShouldBe(HttpStatusCode.Conflict, retry.Body.ToString());
            retry.Body.GetProperty("txHash").GetString().ShouldBe(txHash);
            (await PendingNonceAsync()).Value.ShouldBe(nonceAfterMining.Value);
            (await lost.GetAsync(lost.Seller)).GetProperty("status").GetString().ShouldBe("Disputed");
        }
        finally
        {
            await app.Reader.Client.SendRequestAsync<object>("evm_setAutomine", null, true);
        }
    }
}
