using System.Net;
using EscrowP2P.DevChain;
using EscrowP2P.IntegrationTests.Support;
using EscrowP2P.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace EscrowP2P.IntegrationTests.Trades;

/// <summary>A prepared trade is the seller's draft: its buyer learns of it only from the chain.</summary>
public class PreparedTradeVisibilityTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    private static List<string?> Ids(System.Text.Json.JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("tradeId").GetString()).ToList();

    [Fact]
    public async Task The_buyer_does_not_see_a_prepared_trade_until_it_is_funded()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[0], DevAccounts.Traders[1]);
        var prepared = await trade.PrepareAsync(TradeScenario.Eth, 1_000_000);
        using var buyer = await app.ClientForAsync(trade.Buyer);
        using var seller = await app.ClientForAsync(trade.Seller);
        await using var buyerFeed = await TradeFeed.ConnectAsync(app, trade.Buyer);

        Ids(await buyer.GetOkAsync("/api/trades")).ShouldNotContain(trade.TradeId);
        Ids(await buyer.GetOkAsync("/api/trades?role=buyer")).ShouldNotContain(trade.TradeId);
        await buyer.ProblemAsync(HttpMethod.Get, $"/api/trades/{trade.TradeId}", null, HttpStatusCode.NotFound);
        (await Should.ThrowAsync<HubException>(() => buyerFeed.JoinAsync(trade.TradeId))).Message.ShouldContain("You cannot join this trade.");
        Ids(await seller.GetOkAsync("/api/trades?role=seller")).ShouldContain(trade.TradeId);
        (await seller.GetOkAsync($"/api/trades/{trade.TradeId}")).GetProperty("status").GetString().ShouldBe("None");

        foreach (var tx in prepared.GetProperty("transactions").EnumerateArray()) await app.SignAndSendAsync(trade.Seller, tx);

        Ids(await buyer.GetOkAsync("/api/trades")).ShouldContain(trade.TradeId);
        var funded = await buyer.GetOkAsync($"/api/trades/{trade.TradeId}");
        funded.GetProperty("status").GetString().ShouldBe("Funded");
        funded.GetProperty("fiatAmount").GetString().ShouldBe("100.00");
        (await buyerFeed.JoinAsync(trade.TradeId)).Trade.Status.ShouldBe("Funded");
    }
}

/// <summary>The clocked app lets prepared trades expire after five minutes.</summary>
public sealed class PreparationLifetimeFixture : ManualClockApiFixture
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    protected override void Configure(IDictionary<string, string?> settings) =>
        settings["Trades:PreparationLifetimeMinutes"] = Lifetime.TotalMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public class PreparationLifetimeTests(PreparationLifetimeFixture app) : IClassFixture<PreparationLifetimeFixture>
{
    private static DevAccount Seller => DevAccounts.Traders[2];
    private static DevAccount Buyer => DevAccounts.Traders[3];

    private static object Body(string fiatAmount = "250.00") => new
    {
        buyer = Buyer.Address,
        token = TradeScenario.Eth,
        amount = "1000000",
        paymentWindowSeconds = 1800,
        fiatAmount,
        fiatCurrency = "EUR",
    };

    [Fact]
    public async Task An_unfunded_preparation_expires_for_the_seller_too_is_removed_and_a_late_funding_still_creates_the_trade()
    {
        using var seller = await app.ClockedClientForAsync(Seller);
        var prepared = await seller.PostOkAsync("/api/p2p/trades", Body(), HttpStatusCode.Created);
        var tradeId = prepared.GetProperty("tradeId").GetString()!;
        (await seller.GetOkAsync($"/api/trades/{tradeId}")).GetProperty("status").GetString().ShouldBe("None");

        app.Clock.Advance(PreparationLifetimeFixture.Lifetime);

        (await seller.GetOkAsync("/api/trades")).GetProperty("items").EnumerateArray()
            .Select(t => t.GetProperty("tradeId").GetString()).ShouldNotContain(tradeId);
        await seller.ProblemAsync(HttpMethod.Get, $"/api/trades/{tradeId}", null, HttpStatusCode.NotFound);
        await using (var feed = await TradeFeed.ConnectAsync(app, Seller, app.ClockedBaseAddress))
        {
            await Should.ThrowAsync<HubException>(() => feed.JoinAsync(tradeId));
        }

        // The next preparation clears expired ones out of the store.
        await seller.PostOkAsync("/api/p2p/trades", Body(), HttpStatusCode.Created);
        (await StoredTradeIdsAsync()).ShouldNotContain(tradeId);

        foreach (var tx in prepared.GetProperty("transactions").EnumerateArray()) await app.SignAndSendAsync(Seller, tx);
        using var buyer = await app.ClientForAsync(Buyer);
        var created = await buyer.GetOkAsync($"/api/trades/{tradeId}");
        created.GetProperty("status").GetString().ShouldBe("Funded");
        created.GetProperty("seller").GetString().ShouldBe(Seller.Address);
        created.GetProperty("amount").GetString().ShouldBe("1000000");
        created.GetProperty("fiatAmount").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, "the removed draft's details are gone");
    }

    [Fact]
    public async Task A_preparation_is_shown_to_its_seller_until_its_last_moment()
    {
        using var seller = await app.ClockedClientForAsync(Seller);
        var tradeId = (await seller.PostOkAsync("/api/p2p/trades", Body("1.00"), HttpStatusCode.Created)).GetProperty("tradeId").GetString();

        app.Clock.Advance(PreparationLifetimeFixture.Lifetime - TimeSpan.FromSeconds(1));

        (await seller.GetOkAsync($"/api/trades/{tradeId}")).GetProperty("fiatAmount").GetString().ShouldBe("1.00");
    }

    private async Task<List<string>> StoredTradeIdsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscrowP2P.Core.Persistence.EscrowDbContext>();
        var stored = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Trades.Select(t => t.TradeId));
        return stored.ConvertAll(id => id.Hex);
    }
}
