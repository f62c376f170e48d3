using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Operations;

public sealed class UserRateLimitFixture : EscrowApiFixture
{
    public const int PermitsPerMinute = 2;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        var permits = PermitsPerMinute.ToString(CultureInfo.InvariantCulture);
        settings["RateLimits:PreparesPerMinute"] = permits;
        settings["RateLimits:OfferChangesPerMinute"] = permits;
        settings["RateLimits:WithdrawalsPerMinute"] = permits;
    }
}

/// <summary>Writes are limited per signed-in user (every request here comes from 127.0.0.1: the budgets are not per IP).</summary>
public class UserRateLimitTests(UserRateLimitFixture app) : IClassFixture<UserRateLimitFixture>
{
    private static object Trade(DevAccount buyer) => new { buyer = buyer.Address, token = TradeScenario.Eth, amount = "1000000", paymentWindowSeconds = 1800 };

    private object Offer() => new
    {
        token = app.Deployment.StablecoinAddress,
        minAmount = "1000000",
        maxAmount = "2000000",
        price = "1.00",
        fiatCurrency = "EUR",
        paymentMethods = new[] { "SEPA" },
        paymentWindowSeconds = 1800,
    };

    private static async Task ShouldBeTooManyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(429);
        problem.GetProperty("title").GetString().ShouldBe("Too many requests");
    }

    [Fact]
    public async Task Preparing_trades_past_the_per_user_budget_answers_429_while_other_users_go_on()
    {
        using var seller = await app.ClientForAsync(DevAccounts.Traders[0]);
        using var otherSeller = await app.ClientForAsync(DevAccounts.Traders[1]);
        for (var i = 0; i < UserRateLimitFixture.PermitsPerMinute; i++)
        {
            await seller.PostOkAsync("/api/p2p/trades", Trade(DevAccounts.Traders[1]), HttpStatusCode.Created);
        }

        using var refused = await seller.PostAsJsonAsync(new Uri("/api/p2p/trades", UriKind.Relative), Trade(DevAccounts.Traders[1]));

        await ShouldBeTooManyAsync(refused);
        await otherSeller.PostOkAsync("/api/p2p/trades", Trade(DevAccounts.Traders[0]), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Publishing_and_withdrawing_offers_share_a_per_user_budget()
    {
        using var seller = await app.ClientForAsync(DevAccounts.Traders[2]);
        var offerId = (await seller.PostOkAsync("/api/p2p/offers", Offer(), HttpStatusCode.Created)).GetProperty("id").GetString();
        using (var withdrawn = await seller.DeleteAsync(new Uri($"/api/p2p/offers/{offerId}", UriKind.Relative)))
        {
            withdrawn.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        using var refused = await seller.PostAsJsonAsync(new Uri("/api/p2p/offers", UriKind.Relative), Offer());

        await ShouldBeTooManyAsync(refused);
    }

    [Fact]
    public async Task Withdrawal_requests_past_the_per_user_budget_answer_429()
    {
        using var party = await app.ClientForAsync(DevAccounts.Traders[3]);
        for (var i = 0; i < UserRateLimitFixture.PermitsPerMinute; i++)
        {
            // Nothing is pending: the contract would revert, but the request still spends the budget.
            await party.ProblemAsync(HttpMethod.Post, "/api/withdrawals", new { token = TradeScenario.Eth }, HttpStatusCode.Conflict);
        }

        using var refused = await party.PostAsJsonAsync(new Uri("/api/withdrawals", UriKind.Relative), new { token = TradeScenario.Eth });

        await ShouldBeTooManyAsync(refused);
    }
}
