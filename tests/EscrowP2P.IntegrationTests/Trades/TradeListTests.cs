using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Trades;

public class TradeListTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    [Fact]
    public async Task A_party_lists_their_trades_by_role_and_status_in_pages()
    {
        var alice = DevAccounts.Traders[0];
        var bob = DevAccounts.Traders[1];
        var sold = new TradeScenario(app, alice, bob);
        var bought = new TradeScenario(app, bob, alice);
        await sold.FundAsync(TradeScenario.Eth, 1_000_000);
        await bought.FundAsync(TradeScenario.Eth, 2_000_000);
        await bought.ActAsync("mark-paid", alice);
        await app.WaitForIngestionAsync();
        using var client = await app.ClientForAsync(alice);

        var all = await client.GetOkAsync("/api/trades");
        var asSeller = await client.GetOkAsync("/api/trades?role=seller");
        var paid = await client.GetOkAsync("/api/trades?status=Paid");
        var firstPage = await client.GetOkAsync("/api/trades?pageSize=1");

        Ids(all).ShouldBe([bought.TradeId, sold.TradeId], ignoreOrder: true);
        Ids(asSeller).ShouldBe([sold.TradeId]);
        Ids(paid).ShouldBe([bought.TradeId]);
        firstPage.GetProperty("total").GetInt32().ShouldBe(2);
        Ids(firstPage).Count.ShouldBe(1);
        using var outsider = await app.ClientForAsync(DevAccounts.Traders[2]);
        Ids(await outsider.GetOkAsync("/api/trades")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Moderators_see_disputed_trades_waiting_for_them()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[3], DevAccounts.Traders[4]);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000);
        await trade.ActAsync("mark-paid", trade.Buyer);
        await trade.ActAsync("dispute", trade.Buyer);
        await app.WaitForIngestionAsync();
        using var moderator = await app.ClientForAsync(DevAccounts.Moderator);

        var disputes = await moderator.GetOkAsync("/api/admin/disputes");

        Ids(disputes).ShouldContain(trade.TradeId);
        disputes.GetProperty("items").EnumerateArray().ShouldAllBe(t => t.GetProperty("status").GetString() == "Disputed");
    }

    private static List<string?> Ids(System.Text.Json.JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("tradeId").GetString()).ToList();
}
