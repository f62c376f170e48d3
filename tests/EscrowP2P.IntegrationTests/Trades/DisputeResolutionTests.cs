using System.Net;
using System.Numerics;
using EscrowP2P.DevChain;
using EscrowP2P.IntegrationTests.Support;
using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Trades;

public class DisputeResolutionTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    private static Dictionary<string, string> Key(string key) => new() { ["Idempotency-Key"] = key };

    private async Task<TradeScenario> DisputedTradeAsync(DevAccount seller, DevAccount buyer, string token, BigInteger amount)
    {
        var trade = new TradeScenario(app, seller, buyer);
        await trade.FundAsync(token, amount);
        await trade.ActAsync("mark-paid", trade.Buyer);
        await trade.ActAsync("dispute", trade.Seller);
        return trade;
    }

    [Fact]
    public async Task Moderator_split_pays_exact_shares_with_the_fee_on_the_buyers_share_only()
    {
        var token = app.Deployment.StablecoinAddress;
        BigInteger amount = 1_000_003;
        var trade = await DisputedTradeAsync(DevAccounts.Traders[0], DevAccounts.Traders[1], token, amount);
        var buyerBefore = await app.TokenBalanceAsync(token, trade.Buyer.Address);
        var sellerBefore = await app.TokenBalanceAsync(token, trade.Seller.Address);
        var feeBefore = await app.TokenBalanceAsync(token, DevAccounts.FeeRecipient.Address);
        using var moderator = await app.ClientForAsync(DevAccounts.Moderator);

        var (status, body) = await moderator.ResolveAsync(trade.TradeId, 3333, "split-" + trade.TradeId);

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("status").GetString().ShouldBe("mined");
        body.GetProperty("txHash").GetString()!.ShouldMatch("^0x[0-9a-f]{64}$");
        body.GetProperty("blockNumber").GetInt64().ShouldBeGreaterThan(0);
        var buyerShare = amount * 3333 / 10_000;
        var fee = buyerShare * 100 / 10_000;
        (await app.TokenBalanceAsync(token, trade.Buyer.Address)).ShouldBe(buyerBefore + buyerShare - fee);
        (await app.TokenBalanceAsync(token, trade.Seller.Address)).ShouldBe(sellerBefore + amount - buyerShare);
        (await app.TokenBalanceAsync(token, DevAccounts.FeeRecipient.Address)).ShouldBe(feeBefore + fee);
        (await trade.GetAsync(trade.Buyer)).GetProperty("status").GetString().ShouldBe("Resolved");
    }

    [Fact]
    public async Task Retrying_with_the_same_idempotency_key_returns_the_first_result_without_sending_again()
    {
        var trade = await DisputedTradeAsync(DevAccounts.Traders[2], DevAccounts.Traders[3], TradeScenario.Eth, 1_000_000_000);
        using var moderator = await app.ClientForAsync(DevAccounts.Moderator);
        var key = "retry-" + trade.TradeId;

        var first = await moderator.ResolveAsync(trade.TradeId, 10_000, key);
        var nonceAfterFirst = await app.Reader.Eth.Transactions.GetTransactionCount.SendRequestAsync(DevAccounts.Moderator.Address);
        var second = await moderator.ResolveAsync(trade.TradeId, 10_000, key);

        first.Status.ShouldBe(HttpStatusCode.OK);
        second.Status.ShouldBe(HttpStatusCode.OK);
        second.Body.GetProperty("txHash").GetString().ShouldBe(first.Body.GetProperty("txHash").GetString());
        (await app.Reader.Eth.Transactions.GetTransactionCount.SendRequestAsync(DevAccounts.Moderator.Address)).Value.ShouldBe(nonceAfterFirst.Value);

        var audit = await moderator.GetOkAsync($"/api/admin/audit?tradeId={trade.TradeId}");
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        entries.Count.ShouldBe(1);
        entries[0].GetProperty("outcome").GetString().ShouldBe("mined");
        entries[0].GetProperty("moderator").GetString().ShouldBe(DevAccounts.Moderator.Address);
        entries[0].GetProperty("txHash").GetString().ShouldBe(first.Body.GetProperty("txHash").GetString());
        entries[0].GetProperty("reason").GetString().ShouldBe("buyer proved partial payment");
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_for_a_different_decision_is_refused()
    {
        var trade = await DisputedTradeAsync(DevAccounts.Traders[4], DevAccounts.Traders[5], TradeScenario.Eth, 1_000_000_000);
        using var moderator = await app.ClientForAsync(DevAccounts.Moderator);
        var key = "reuse-" + trade.TradeId;
        (await moderator.ResolveAsync(trade.TradeId, 5_000, key)).Status.ShouldBe(HttpStatusCode.OK);

        var (status, body) = await moderator.ResolveAsync(trade.TradeId, 0, key);

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("errors").TryGetProperty("Idempotency-Key", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Resolving_a_trade_that_is_not_disputed_is_a_conflict_and_sends_nothing()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[0], DevAccounts.Traders[1]);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);
        using var moderator = await app.ClientForAsync(DevAccounts.Moderator);
        var nonceBefore = await app.Reader.Eth.Transactions.GetTransactionCount.SendRequestAsync(DevAccounts.Moderator.Address);

        var (status, body) = await moderator.ResolveAsync(trade.TradeId, 5_000, "not-disputed-" + trade.TradeId);

        status.ShouldBe(HttpStatusCode.Conflict);
        body.GetProperty("tradeStatus").GetString().ShouldBe("Funded");
        (await app.Reader.Eth.Transactions.GetTransactionCount.SendRequestAsync(DevAccounts.Moderator.Address)).Value.ShouldBe(nonceBefore.Value);
    }

    [Fact]
    public async Task A_trader_cannot_resolve_or_read_the_audit_log()
    {
        var trade = await DisputedTradeAsync(DevAccounts.Traders[6], DevAccounts.Traders[2], TradeScenario.Eth, 1_000_000_000);
        using var trader = await app.ClientForAsync(DevAccounts.Traders[6]);

        await trader.ProblemAsync(HttpMethod.Post, $"/api/admin/trades/{trade.TradeId}/resolve", new { buyerBps = 0, reason = "mine" }, HttpStatusCode.Forbidden, Key("k1"));
        await trader.ProblemAsync(HttpMethod.Get, "/api/admin/audit", null, HttpStatusCode.Forbidden);
        (await trade.GetAsync(trade.Seller)).GetProperty("status").GetString().ShouldBe("Disputed");
    }

    [Fact]
    public async Task Missing_idempotency_key_or_out_of_range_bps_is_a_bad_request()
    {
        using var moderator = await app.ClientForAsync(DevAccounts.Moderator);
        var tradeId = "0x" + new string('1', 64);

        var noKey = await moderator.ProblemAsync(HttpMethod.Post, $"/api/admin/trades/{tradeId}/resolve", new { buyerBps = 10, reason = "r" }, HttpStatusCode.BadRequest);
        noKey.GetProperty("errors").TryGetProperty("Idempotency-Key", out _).ShouldBeTrue();
        var badBps = await moderator.ProblemAsync(HttpMethod.Post, $"/api/admin/trades/{tradeId}/resolve", new { buyerBps = 10_001, reason = "r" }, HttpStatusCode.BadRequest, Key("k2"));
        badBps.GetProperty("errors").TryGetProperty("buyerBps", out _).ShouldBeTrue();
    }
}
