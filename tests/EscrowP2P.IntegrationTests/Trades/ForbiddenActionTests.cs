using System.Net;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Trades;

/// <summary>Every action a caller may not take now is refused with 403 or 409, and no transaction comes back.</summary>
public class ForbiddenActionTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    private static readonly DevAccount Seller = DevAccounts.Traders[0];
    private static readonly DevAccount Buyer = DevAccounts.Traders[1];
    private static readonly DevAccount Outsider = DevAccounts.Traders[2];

    private async Task ShouldBeRefused(TradeScenario trade, string action, DevAccount caller, HttpStatusCode expected)
    {
        using var client = await app.ClientForAsync(caller);
        var problem = await client.ProblemAsync(HttpMethod.Post, $"/api/trades/{trade.TradeId}/{action}", null, expected);
        problem.TryGetProperty("data", out _).ShouldBeFalse();
        problem.GetProperty("status").GetInt32().ShouldBe((int)expected);
    }

    [Theory]
    [InlineData("mark-paid")]
    [InlineData("release")]
    [InlineData("cancel")]
    [InlineData("dispute")]
    public async Task An_outsider_is_forbidden_every_action(string action)
    {
        var trade = new TradeScenario(app, Seller, Buyer);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);

        await ShouldBeRefused(trade, action, Outsider, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Parties_cannot_take_each_others_actions()
    {
        var trade = new TradeScenario(app, Seller, Buyer);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);

        await ShouldBeRefused(trade, "mark-paid", Seller, HttpStatusCode.Forbidden);
        await ShouldBeRefused(trade, "release", Buyer, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Actions_that_the_trades_state_does_not_allow_are_conflicts()
    {
        var trade = new TradeScenario(app, Seller, Buyer);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);

        await ShouldBeRefused(trade, "dispute", Buyer, HttpStatusCode.Conflict);
        await trade.ActAsync("mark-paid", Buyer);
        await ShouldBeRefused(trade, "mark-paid", Buyer, HttpStatusCode.Conflict);
        await ShouldBeRefused(trade, "cancel", Seller, HttpStatusCode.Conflict);
        await trade.ActAsync("release", Seller);
        await ShouldBeRefused(trade, "release", Seller, HttpStatusCode.Conflict);
        await ShouldBeRefused(trade, "cancel", Buyer, HttpStatusCode.Conflict);
        await ShouldBeRefused(trade, "dispute", Seller, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Mark_paid_after_the_payment_window_is_refused_with_the_contract_error()
    {
        var trade = new TradeScenario(app, Seller, Buyer);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000, paymentWindowSeconds: 600);
        await app.IncreaseTimeAsync(601);
        using var buyer = await app.ClientForAsync(Buyer);

        var problem = await buyer.ProblemAsync(HttpMethod.Post, $"/api/trades/{trade.TradeId}/mark-paid", null, HttpStatusCode.Conflict);

        problem.GetProperty("errorName").GetString().ShouldBe("PaymentWindowExpired");
    }

    [Fact]
    public async Task A_trade_that_is_not_on_chain_is_not_found_and_outsiders_cannot_read_a_trade()
    {
        var trade = new TradeScenario(app, Seller, Buyer);
        await trade.PrepareAsync(TradeScenario.Eth, 1_000_000_000);
        using var buyer = await app.ClientForAsync(Buyer);
        using var outsider = await app.ClientForAsync(Outsider);

        await buyer.ProblemAsync(HttpMethod.Post, $"/api/trades/{trade.TradeId}/mark-paid", null, HttpStatusCode.NotFound);
        await outsider.ProblemAsync(HttpMethod.Get, $"/api/trades/{trade.TradeId}", null, HttpStatusCode.NotFound);
        using var seller = await app.ClientForAsync(Seller);
        (await seller.GetOkAsync($"/api/trades/{trade.TradeId}")).GetProperty("status").GetString().ShouldBe("None");
    }
}
