using System.Numerics;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Trades;

public class StablecoinTradeFlowTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    [Fact]
    public async Task Short_allowance_returns_approve_then_createTrade_and_release_pays_the_buyer_in_tUSD()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[0], DevAccounts.Traders[1]);
        var token = app.Deployment.StablecoinAddress;
        BigInteger amount = 2_500_000; // 2.5 tUSD
        var buyerBefore = await app.TokenBalanceAsync(token, trade.Buyer.Address);
        var sellerBefore = await app.TokenBalanceAsync(token, trade.Seller.Address);

        var prepared = await trade.PrepareAsync(token, amount);
        var transactions = prepared.GetProperty("transactions").EnumerateArray().ToList();
        transactions.Select(t => t.GetProperty("purpose").GetString()).ShouldBe(["approve", "createTrade"]);
        transactions[0].GetProperty("to").GetString()!.ShouldBe(token, StringCompareShould.IgnoreCase);
        transactions[1].GetProperty("value").GetString().ShouldBe("0x0");
        foreach (var tx in transactions) await app.SignAndSendAsync(trade.Seller, tx);

        (await app.TokenBalanceAsync(token, app.Deployment.EscrowAddress)).ShouldBe(amount);
        await trade.ActAsync("mark-paid", trade.Buyer);
        await trade.ActAsync("release", trade.Seller);

        var fee = amount * 100 / 10_000;
        (await app.TokenBalanceAsync(token, trade.Buyer.Address)).ShouldBe(buyerBefore + amount - fee);
        (await app.TokenBalanceAsync(token, trade.Seller.Address)).ShouldBe(sellerBefore - amount);
        (await app.TokenBalanceAsync(token, app.Deployment.EscrowAddress)).ShouldBe(0);
    }

    [Fact]
    public async Task Sufficient_allowance_returns_createTrade_alone()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[2], DevAccounts.Traders[3]);
        var token = app.Deployment.StablecoinAddress;
        await app.Web3For(trade.Seller).Eth.ERC20.GetContractService(token)
            .ApproveRequestAndWaitForReceiptAsync(app.Deployment.EscrowAddress, 10_000_000);

        var prepared = await trade.PrepareAsync(token, 1_000_000);

        prepared.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("purpose").GetString()).ShouldBe(["createTrade"]);
    }

    [Fact]
    public async Task Amount_above_the_sellers_balance_is_refused_with_the_decoded_token_error()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[4], DevAccounts.Traders[5]);
        using var seller = await app.ClientForAsync(trade.Seller);

        var problem = await seller.ProblemAsync(HttpMethod.Post, "/api/p2p/trades", new
        {
            buyer = trade.Buyer.Address,
            token = app.Deployment.StablecoinAddress,
            amount = "999999999999999999",
            paymentWindowSeconds = 1800,
        }, System.Net.HttpStatusCode.UnprocessableEntity);

        problem.GetProperty("errorName").GetString().ShouldBe("ERC20InsufficientBalance");
        problem.GetProperty("purpose").GetString().ShouldBe("createTrade");
    }
}
