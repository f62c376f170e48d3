using System.Net;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Offers;

public class OfferTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    private static readonly DevAccount Seller = DevAccounts.Traders[0];
    private static readonly DevAccount Buyer = DevAccounts.Traders[1];

    private object Offer(string currency = "EUR") => new
    {
        token = app.Deployment.StablecoinAddress,
        minAmount = "1000000",
        maxAmount = "50000000",
        price = "0.93",
        fiatCurrency = currency,
        paymentMethods = new[] { "SEPA", "Revolut" },
        paymentWindowSeconds = 1800,
        terms = "Reference: trade id",
    };

    [Fact]
    public async Task A_published_offer_is_listed_for_anyone_and_taken_by_a_trade_within_its_range()
    {
        using var seller = await app.ClientForAsync(Seller);
        var offer = await seller.PostOkAsync("/api/p2p/offers", Offer("CHF"), HttpStatusCode.Created);
        var offerId = offer.GetProperty("id").GetString();
        offer.GetProperty("seller").GetString().ShouldBe(Seller.Address);

        using var anonymous = app.CreateClient();
        var listed = await anonymous.GetOkAsync("/api/p2p/offers?fiatCurrency=CHF");
        listed.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ShouldContain(offerId);

        var prepared = await seller.PostOkAsync("/api/p2p/trades", new
        {
            buyer = Buyer.Address,
            token = app.Deployment.StablecoinAddress,
            amount = "2000000",
            paymentWindowSeconds = 1800,
            offerId,
            fiatAmount = "1.86",
            fiatCurrency = "CHF",
            paymentMethod = "SEPA",
        }, HttpStatusCode.Created);
        var tradeId = prepared.GetProperty("tradeId").GetString();
        var trade = await seller.GetOkAsync($"/api/trades/{tradeId}");
        trade.GetProperty("offerId").GetString().ShouldBe(offerId);
        trade.GetProperty("fiatAmount").GetString().ShouldBe("1.86");
    }

    [Fact]
    public async Task A_trade_outside_the_offers_range_or_on_someone_elses_offer_is_refused()
    {
        using var seller = await app.ClientForAsync(Seller);
        using var other = await app.ClientForAsync(DevAccounts.Traders[2]);
        var offerId = (await seller.PostOkAsync("/api/p2p/offers", Offer(), HttpStatusCode.Created)).GetProperty("id").GetString();
        object Trade(string amount) => new { buyer = Buyer.Address, token = app.Deployment.StablecoinAddress, amount, paymentWindowSeconds = 1800, offerId };

        var tooLarge = await seller.ProblemAsync(HttpMethod.Post, "/api/p2p/trades", Trade("60000000"), HttpStatusCode.BadRequest);
        tooLarge.GetProperty("errors").TryGetProperty("amount", out _).ShouldBeTrue();
        var notYours = await other.ProblemAsync(HttpMethod.Post, "/api/p2p/trades", Trade("2000000"), HttpStatusCode.BadRequest);
        notYours.GetProperty("errors").TryGetProperty("offerId", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Only_the_seller_can_withdraw_an_offer_and_a_withdrawn_offer_is_no_longer_listed()
    {
        using var seller = await app.ClientForAsync(Seller);
        using var other = await app.ClientForAsync(Buyer);
        var offerId = (await seller.PostOkAsync("/api/p2p/offers", Offer("GBP"), HttpStatusCode.Created)).GetProperty("id").GetString();

        await other.ProblemAsync(HttpMethod.Delete, $"/api/p2p/offers/{offerId}", null, HttpStatusCode.NotFound);
        using (var deleted = await seller.DeleteAsync(new Uri($"/api/p2p/offers/{offerId}", UriKind.Relative)))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        var listed = await app.CreateClient().GetOkAsync("/api/p2p/offers?fiatCurrency=GBP");
        listed.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ShouldNotContain(offerId);
        await seller.ProblemAsync(HttpMethod.Delete, $"/api/p2p/offers/{offerId}", null, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_offers_are_refused_naming_the_field_and_publishing_needs_a_sign_in()
    {
        using var seller = await app.ClientForAsync(Seller);

        var problem = await seller.ProblemAsync(HttpMethod.Post, "/api/p2p/offers", new
        {
            token = app.Deployment.StablecoinAddress,
            minAmount = "5000000",
            maxAmount = "1000000",
            price = "-1",
            fiatCurrency = "euro",
            paymentMethods = Array.Empty<string>(),
            paymentWindowSeconds = 1800,
        }, HttpStatusCode.BadRequest);

        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        fields.ShouldContain("maxAmount");
        fields.ShouldContain("price");
        fields.ShouldContain("fiatCurrency");
        fields.ShouldContain("paymentMethods");
        await app.CreateClient().ProblemAsync(HttpMethod.Post, "/api/p2p/offers", Offer(), HttpStatusCode.Unauthorized);
    }
}
