using System.Numerics;
using System.Text.Json;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Trades;

public class PromisedAllowanceTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    private static JsonElement Transaction(JsonElement prepared, string purpose) =>
        prepared.GetProperty("transactions").EnumerateArray().Single(t => t.GetProperty("purpose").GetString() == purpose);

    [Fact]
    public async Task Two_token_trades_prepared_back_to_back_are_both_funded_when_both_approvals_go_before_both_creates()
    {
        var seller = DevAccounts.Traders[0];
        var first = new TradeScenario(app, seller, DevAccounts.Traders[1]);
        var second = new TradeScenario(app, seller, DevAccounts.Traders[2]);
        var token = app.Deployment.StablecoinAddress;
        BigInteger firstAmount = 2_000_000, secondAmount = 3_000_000;
        var sellerBefore = await app.TokenBalanceAsync(token, seller.Address);
        var escrowBefore = await app.TokenBalanceAsync(token, app.Deployment.EscrowAddress);

        var firstPrepared = await first.PrepareAsync(token, firstAmount);
        var secondPrepared = await second.PrepareAsync(token, secondAmount);
        await app.SignAndSendAsync(seller, Transaction(firstPrepared, "approve"));
        await app.SignAndSendAsync(seller, Transaction(secondPrepared, "approve"));
        await app.SignAndSendAsync(seller, Transaction(firstPrepared, "createTrade"));
        await app.SignAndSendAsync(seller, Transaction(secondPrepared, "createTrade"));

        (await first.GetAsync(seller)).GetProperty("status").GetString().ShouldBe("Funded");
        (await second.GetAsync(seller)).GetProperty("status").GetString().ShouldBe("Funded");
        (await app.TokenBalanceAsync(token, app.Deployment.EscrowAddress)).ShouldBe(escrowBefore + firstAmount + secondAmount);
        (await app.TokenBalanceAsync(token, seller.Address)).ShouldBe(sellerBefore - firstAmount - secondAmount);
        (await app.Reader.Eth.ERC20.GetContractService(token).AllowanceQueryAsync(seller.Address, app.Deployment.EscrowAddress))
            .ShouldBe(BigInteger.Zero, "no allowance is left over");
    }
}
