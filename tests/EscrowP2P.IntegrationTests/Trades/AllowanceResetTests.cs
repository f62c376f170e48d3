using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Trades;

/// <summary>tUSD configured like USDT, which refuses to move an allowance from one non-zero value to another.</summary>
public sealed class AllowanceResetFixture : EscrowApiFixture
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Chain:Tokens:0:ResetAllowanceFirst"] = "true";
}

public class AllowanceResetTests(AllowanceResetFixture app) : IClassFixture<AllowanceResetFixture>
{
    [Fact]
    public async Task A_short_non_zero_allowance_is_reset_to_zero_before_the_new_approve()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[0], DevAccounts.Traders[1]);
        var token = app.Deployment.StablecoinAddress;
        await app.Web3For(trade.Seller).Eth.ERC20.GetContractService(token).ApproveRequestAndWaitForReceiptAsync(app.Deployment.EscrowAddress, 1);

        var prepared = await trade.PrepareAsync(token, 2_000_000);

        var transactions = prepared.GetProperty("transactions").EnumerateArray().ToList();
        transactions.Select(t => t.GetProperty("purpose").GetString()).ShouldBe(["resetAllowance", "approve", "createTrade"]);
        foreach (var tx in transactions) await app.SignAndSendAsync(trade.Seller, tx);
        (await trade.GetAsync(trade.Seller)).GetProperty("status").GetString().ShouldBe("Funded");
    }

    [Fact]
    public async Task A_zero_allowance_needs_no_reset()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[2], DevAccounts.Traders[3]);

        var prepared = await trade.PrepareAsync(app.Deployment.StablecoinAddress, 2_000_000);

        prepared.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("purpose").GetString()).ShouldBe(["approve", "createTrade"]);
    }
}
