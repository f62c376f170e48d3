using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using EscrowP2P.Api.Auth;
using EscrowP2P.DevChain;
using EscrowP2P.IntegrationTests.Support;
using EscrowP2P.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EscrowP2P.IntegrationTests.Auth;

public class AccessTokenTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    private static readonly Uri Me = new("/api/auth/me", UriKind.Relative);

    private async Task<HttpResponseMessage> GetMeAsync(string? bearer)
    {
        using var client = app.CreateClient();
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await client.GetAsync(Me);
    }

    private static async Task ShouldBeUnauthorizedProblemAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.WwwAuthenticate.ShouldContain(h => h.Scheme == "Bearer");
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"status\":401");
    }

    private JwtTokenIssuer IssuerAt(DateTimeOffset now, JwtSigningKey? key = null) => new(
        app.Services.GetRequiredService<IOptions<AuthOptions>>(),
        key ?? app.Services.GetRequiredService<JwtSigningKey>(),
        new ManualClock(now));

    [Fact]
    public async Task Token_issued_by_the_app_now_is_accepted()
    {
        var token = IssuerAt(DateTimeOffset.UtcNow).Issue(DevAccounts.Traders[0].Address, []);

        using var response = await GetMeAsync(token.AccessToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Me_without_a_token_is_401_problem_details()
    {
        using var response = await GetMeAsync(bearer: null);

        await ShouldBeUnauthorizedProblemAsync(response);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIweDAwIn0.c2lnbmF0dXJl")]
    public async Task Me_with_a_garbled_token_is_401(string garbled)
    {
        using var response = await GetMeAsync(garbled);

        await ShouldBeUnauthorizedProblemAsync(response);
    }

    [Fact]
    public async Task Me_with_an_expired_token_is_401()
    {
        var expired = IssuerAt(DateTimeOffset.UtcNow.AddHours(-3)).Issue(DevAccounts.Traders[0].Address, []);
        expired.ExpiresAt.ShouldBeLessThan(DateTimeOffset.UtcNow.AddHours(-1));

        using var response = await GetMeAsync(expired.AccessToken);

        await ShouldBeUnauthorizedProblemAsync(response);
    }

    [Fact]
    public async Task Me_with_a_token_signed_by_another_key_is_401()
    {
        var otherKey = JwtSigningKey.Create(Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)), isDevelopment: false);
        var forged = IssuerAt(DateTimeOffset.UtcNow, otherKey).Issue(DevAccounts.Traders[0].Address, [Roles.Moderator]);

        using var response = await GetMeAsync(forged.AccessToken);

        await ShouldBeUnauthorizedProblemAsync(response);
    }

    [Fact]
    public async Task Token_with_its_signature_stripped_is_401()
    {
        var token = IssuerAt(DateTimeOffset.UtcNow).Issue(DevAccounts.Traders[0].Address, []).AccessToken;
        var unsigned = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + token.Split('.')[1] + ".";

        using var response = await GetMeAsync(unsigned);

        await ShouldBeUnauthorizedProblemAsync(response);
    }
}
