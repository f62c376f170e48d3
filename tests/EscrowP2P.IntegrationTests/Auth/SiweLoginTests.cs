using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EscrowP2P.Api.Auth;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Auth;

public class SiweLoginTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    private static DevAccount Seller => DevAccounts.Traders[0];
    private static DevAccount Buyer => DevAccounts.Traders[1];

    [Fact]
    public async Task Nonce_is_fresh_alphanumeric_and_names_the_domain_and_chain_to_sign_for()
    {
        using var client = app.CreateClient();

        var first = await SiweLogin.GetNonceAsync(client);
        var second = await SiweLogin.GetNonceAsync(client);

        first.Nonce.ShouldMatch("^[A-Za-z0-9]{16,}$");
        second.Nonce.ShouldNotBe(first.Nonce);
        first.Domain.ShouldBe(EscrowApiFixture.SiweDomain);
        first.ChainId.ShouldBe(app.Node.ChainId);
        (first.ExpiresAt - first.IssuedAt).ShouldBe(TimeSpan.FromSeconds(600));
    }

    [Fact]
    public async Task Seller_signs_in_and_gets_a_token_for_their_checksummed_address_without_roles()
    {
        var token = await SiweLogin.SignInAsync(app.BaseAddress, Seller);

        token.Address.ShouldBe(Seller.Address);
        token.Roles.ShouldBeEmpty();
        token.AccessToken.ShouldNotBeNullOrWhiteSpace();
        token.ExpiresAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(50));
    }

    [Fact]
    public async Task Buyer_signs_in_and_the_token_identifies_them_on_me()
    {
        using var client = await app.ClientForAsync(Buyer);

        var me = await client.GetFromJsonAsync<MeResponse>(new Uri("/api/auth/me", UriKind.Relative));

        me!.Address.ShouldBe(Buyer.Address);
        me.Roles.ShouldBeEmpty();
    }

    [Fact]
    public async Task Holder_of_moderator_role_on_chain_signs_in_as_moderator()
    {
        var token = await SiweLogin.SignInAsync(app.BaseAddress, DevAccounts.Moderator);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.AccessToken);

        var me = await client.GetFromJsonAsync<MeResponse>(new Uri("/api/auth/me", UriKind.Relative));

        token.Roles.ShouldBe([Roles.Moderator]);
        me!.Address.ShouldBe(DevAccounts.Moderator.Address);
        me.Roles.ShouldBe([Roles.Moderator]);
    }

    [Fact]
    public async Task Sign_in_answers_the_documented_json_fields()
    {
        using var client = app.CreateClient();
        var nonce = await SiweLogin.GetNonceAsync(client);
        var message = SiweLogin.MessageFor(Seller, nonce).ToString();

        using var response = await SiweLogin.PostVerifyAsync(client, message, SiweLogin.Sign(message, Seller));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["accessToken", "expiresAt", "address", "roles"]);
    }

    [Fact]
    public async Task Message_with_scheme_lowercase_domain_and_every_optional_field_signs_in()
    {
        using var client = app.CreateClient();
        var nonce = await SiweLogin.GetNonceAsync(client);
        var message = (SiweLogin.MessageFor(Seller, nonce) with
        {
            Scheme = "https",
            Domain = "EscrowP2P.test",
            Statement = null,
            Uri = "https://escrowp2p.test/login?next=/trades",
            ExpirationTime = DateTimeOffset.UtcNow.AddMinutes(5),
            NotBefore = DateTimeOffset.UtcNow.AddMinutes(-1),
            RequestId = "login-7",
            Resources = ["https://escrowp2p.test/terms"],
        }).ToString();

        using var response = await SiweLogin.PostVerifyAsync(client, message, SiweLogin.Sign(message, Seller));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
