using System.Net;
using System.Text.Json;
using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Auth;

public sealed class RateLimitedApiFixture : EscrowApiFixture
{
    public const int PermitsPerMinute = 3;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Auth:PermitsPerMinute"] = PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>One test only: the limit is per client IP and every request here comes from 127.0.0.1.</summary>
public class RateLimitTests(RateLimitedApiFixture app) : IClassFixture<RateLimitedApiFixture>
{
    [Fact]
    public async Task Auth_endpoints_share_a_per_client_budget_then_answer_429_with_retry_after()
    {
        using var client = app.CreateClient();
        var nonces = new List<HttpStatusCode>();
        for (var i = 0; i < RateLimitedApiFixture.PermitsPerMinute; i++)
        {
            using var allowed = await client.PostAsync(new Uri("/api/auth/nonce", UriKind.Relative), content: null);
            nonces.Add(allowed.StatusCode);
        }

        using var nonce = await client.PostAsync(new Uri("/api/auth/nonce", UriKind.Relative), content: null);
        using var verify = await SiweLogin.PostVerifyAsync(client, "irrelevant", "0x" + new string('0', 130));
        using var me = await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative));

        nonces.ShouldAllBe(status => status == HttpStatusCode.OK);
        foreach (var refused in new[] { nonce, verify })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            refused.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            problem.GetProperty("status").GetInt32().ShouldBe(429);
            problem.GetProperty("title").GetString().ShouldBe("Too many requests");
        }
        me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "/api/auth/me is not part of the sign-in budget");
    }
}
