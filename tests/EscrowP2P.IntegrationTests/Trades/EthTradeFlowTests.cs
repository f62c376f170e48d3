using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Trades;

public class EthTradeFlowTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    private const ushort FeeBps = 100;

    [Fact]
    public async Task Prepare_fund_mark_paid_release_pays_the_buyer_amount_minus_fee()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[0], DevAccounts.Traders[1]);
        var amount = Nethereum.Web3.Web3.Convert.ToWei(2);
        var sellerBefore = await app.EthBalanceAsync(trade.Seller.Address);
        var buyerBefore = await app.EthBalanceAsync(trade.Buyer.Address);
        var feeBefore = await app.EthBalanceAsync(DevAccounts.FeeRecipient.Address);

        var prepared = await trade.PrepareAsync(TradeScenario.Eth, amount);
        var transactions = prepared.GetProperty("transactions").EnumerateArray().ToList();
        transactions.Select(t => t.GetProperty("purpose").GetString()).ShouldBe(["createTrade"]);
        transactions[0].GetProperty("value").GetString().ShouldBe("0x" + amount.ToString("x").TrimStart('0'));
        transactions[0].GetProperty("chainId").GetString().ShouldBe("0x7a69");
        transactions[0].GetProperty("to").GetString().ShouldBe(Nethereum.Util.AddressUtil.Current.ConvertToChecksumAddress(app.Deployment.EscrowAddress));
        var sellerGas = (await app.SignAndSendAsync(trade.Seller, transactions[0])).GasCost();

        (await trade.GetAsync(trade.Buyer)).GetProperty("status").GetString().ShouldBe("Funded");
        var buyerGas = await trade.ActAsync("mark-paid", trade.Buyer);
        (await trade.GetAsync(trade.Seller)).GetProperty("status").GetString().ShouldBe("Paid");
        sellerGas += await trade.ActAsync("release", trade.Seller);

        var fee = amount * FeeBps / 10_000;
        (await app.EthBalanceAsync(trade.Seller.Address)).ShouldBe(sellerBefore - amount - sellerGas);
        (await app.EthBalanceAsync(trade.Buyer.Address)).ShouldBe(buyerBefore + amount - fee - buyerGas);
        (await app.EthBalanceAsync(DevAccounts.FeeRecipient.Address)).ShouldBe(feeBefore + fee);
        var final = await trade.GetAsync(trade.Buyer);
        final.GetProperty("status").GetString().ShouldBe("Completed");
        final.GetProperty("fiatCurrency").GetString().ShouldBe("EUR");
    }

    [Fact]
    public async Task Buyer_cancel_refunds_the_seller_in_full()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[2], DevAccounts.Traders[3]);
        var amount = Nethereum.Web3.Web3.Convert.ToWei(1);
        var sellerBefore = await app.EthBalanceAsync(trade.Seller.Address);

        var sellerGas = await trade.FundAsync(TradeScenario.Eth, amount);
        await trade.ActAsync("cancel", trade.Buyer);

        (await app.EthBalanceAsync(trade.Seller.Address)).ShouldBe(sellerBefore - sellerGas);
        (await trade.GetAsync(trade.Seller)).GetProperty("status").GetString().ShouldBe("Cancelled");
    }

    [Fact]
    public async Task Seller_cancel_is_refused_before_expiry_and_prepared_after_expiry_plus_grace()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[4], DevAccounts.Traders[5]);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);
        using var seller = await app.ClientForAsync(trade.Seller);

        var early = await seller.ProblemAsync(HttpMethod.Post, $"/api/trades/{trade.TradeId}/cancel", null, System.Net.HttpStatusCode.Conflict);
        early.GetProperty("errorName").GetString().ShouldBe("CancelNotYetAllowed");

        await app.IncreaseTimeAsync(1800 + 600);
        await trade.ActAsync("cancel", trade.Seller);
        (await trade.GetAsync(trade.Seller)).GetProperty("status").GetString().ShouldBe("Cancelled");
    }
}
