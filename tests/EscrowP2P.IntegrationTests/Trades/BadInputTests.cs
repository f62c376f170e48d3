using System.Net;
using EscrowP2P.Core.Persistence;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EscrowP2P.IntegrationTests.Trades;

/// <summary>Bad input gets a 400 naming the field, and nothing is stored.</summary>
public class BadInputTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    private static readonly DevAccount Seller = DevAccounts.Traders[0];
    private static readonly DevAccount Buyer = DevAccounts.Traders[1];

    private async Task<int> StoredTradesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EscrowDbContext>().Trades.CountAsync();
    }

    private async Task PrepareShouldFailOn(string field, object body)
    {
        var before = await StoredTradesAsync();
        using var seller = await app.ClientForAsync(Seller);

        var problem = await seller.ProblemAsync(HttpMethod.Post, "/api/p2p/trades", body, HttpStatusCode.BadRequest);

        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain(field, problem.ToString());
        problem.TryGetProperty("traceId", out _).ShouldBeTrue();
        (await StoredTradesAsync()).ShouldBe(before);
    }

    private static object Body(string? buyer = null, string? token = null, string amount = "1000", long window = 1800) =>
        new { buyer = buyer ?? Buyer.Address, token = token ?? TradeScenario.Eth, amount, paymentWindowSeconds = window };

    [Theory]
    [InlineData("0x123")]
    [InlineData("not-an-address")]
    [InlineData("0x90F79bf6EB2c4f870365E785982E1f101E93b907X")]
    public async Task Malformed_buyer_address_is_rejected(string buyer) => await PrepareShouldFailOn("buyer", Body(buyer: buyer));

    [Fact]
    public async Task Wrong_checksum_address_is_rejected() =>
        // The buyer's address with one letter's case flipped.
        await PrepareShouldFailOn("buyer", Body(buyer: "0x70997970c51812dc3A010C7d01b50e0d17dc79C8"));

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639936")]
    [InlineData("")]
    public async Task Amount_must_be_a_positive_uint256(string amount) => await PrepareShouldFailOn("amount", Body(amount: amount));

    [Fact]
    public async Task Unknown_token_is_rejected() =>
        await PrepareShouldFailOn("token", Body(token: DevAccounts.Traders[5].Address));

    [Fact]
    public async Task Buyer_equal_to_seller_is_rejected() => await PrepareShouldFailOn("buyer", Body(buyer: Seller.Address));

    [Fact]
    public async Task The_escrow_itself_as_buyer_is_rejected() => await PrepareShouldFailOn("buyer", Body(buyer: app.Deployment.EscrowAddress));

    [Theory]
    [InlineData(10)]
    [InlineData(8 * 24 * 3600)]
    public async Task Payment_window_outside_the_contracts_bounds_is_rejected(long window) =>
        await PrepareShouldFailOn("paymentWindowSeconds", Body(window: window));

    [Fact]
    public async Task Unsupported_fields_are_rejected_by_name()
    {
        var before = await StoredTradesAsync();
        using var seller = await app.ClientForAsync(Seller);
        var json = $$"""{"buyer":"{{Buyer.Address}}","token":"{{TradeScenario.Eth}}","amount":"1000","paymentWindowSeconds":1800,"sellerOverride":"0x0"}""";

        var problem = await seller.ProblemAsync(HttpMethod.Post, "/api/p2p/trades", json, HttpStatusCode.BadRequest);

        problem.ToString().ShouldContain("sellerOverride");
        (await StoredTradesAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Amount_as_a_json_number_is_rejected()
    {
        using var seller = await app.ClientForAsync(Seller);
        var json = $$"""{"buyer":"{{Buyer.Address}}","token":"{{TradeScenario.Eth}}","amount":1000,"paymentWindowSeconds":1800}""";

        var problem = await seller.ProblemAsync(HttpMethod.Post, "/api/p2p/trades", json, HttpStatusCode.BadRequest);

        problem.ToString().ShouldContain("amount");
    }

    [Fact]
    public async Task Malformed_trade_id_in_the_route_is_a_bad_request()
    {
        using var buyer = await app.ClientForAsync(Buyer);

        var problem = await buyer.ProblemAsync(HttpMethod.Post, "/api/trades/0x1234/mark-paid", null, HttpStatusCode.BadRequest);

        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain("tradeId");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer not.a.jwt")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIweDcwOTk3OTcwQzUxODEyZGMzQTAxMEM3ZDAxYjUwZTBkMTdkYzc5QzgiLCJyb2xlIjoibW9kZXJhdG9yIn0.c2lnbmF0dXJlLWZvcmdlZA")]
    public async Task Missing_or_forged_tokens_are_unauthorized(string authorization)
    {
        var before = await StoredTradesAsync();
        using var client = app.CreateClient();
        if (authorization.Length > 0) client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        using var response = await client.PostAsync(new Uri("/api/p2p/trades", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(Body()));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Exception");
        (await StoredTradesAsync()).ShouldBe(before);
    }
}
