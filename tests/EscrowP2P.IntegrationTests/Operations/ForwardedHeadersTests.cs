using System.Net;
using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Operations;

/// <summary>The app behind a proxy it trusts (every test request comes from 127.0.0.1, here the proxy).</summary>
public sealed class TrustedProxyFixture : EscrowApiFixture
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Auth:PermitsPerMinute"] = "2";
        settings["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1";
    }
}

/// <summary>The app trusting no proxy, as it does unless configured: 127.0.0.1 is just a client.</summary>
public sealed class NoTrustedProxyFixture : EscrowApiFixture
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Auth:PermitsPerMinute"] = "2";
}

internal static class ForwardedRequests
{
    public static async Task<HttpStatusCode> NonceForAsync(this HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/auth/nonce", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}

public class TrustedProxyTests(TrustedProxyFixture app) : IClassFixture<TrustedProxyFixture>
{
    [Fact]
    public async Task Clients_behind_a_trusted_proxy_get_their_own_login_budgets()
    {
        using var proxy = app.CreateClient();
        (await proxy.NonceForAsync("203.0.113.10")).ShouldBe(HttpStatusCode.OK);
        (await proxy.NonceForAsync("203.0.113.10")).ShouldBe(HttpStatusCode.OK);

        (await proxy.NonceForAsync("203.0.113.10")).ShouldBe(HttpStatusCode.TooManyRequests);
        (await proxy.NonceForAsync("203.0.113.20")).ShouldBe(HttpStatusCode.OK);
    }
}

public class UntrustedForwardedForTests(NoTrustedProxyFixture app) : IClassFixture<NoTrustedProxyFixture>
{
    [Fact]
    public async Task An_untrusted_senders_forwarded_for_header_is_ignored()
    {
        using var client = app.CreateClient();
        (await client.NonceForAsync("203.0.113.10")).ShouldBe(HttpStatusCode.OK);
        (await client.NonceForAsync("203.0.113.11")).ShouldBe(HttpStatusCode.OK);

        (await client.NonceForAsync("203.0.113.12")).ShouldBe(HttpStatusCode.TooManyRequests, "the budget is the sender's, whatever it claims to forward");
    }
}
