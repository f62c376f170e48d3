using System.Net;
using System.Net.Http.Json;
using EscrowP2P.Api.Auth;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Auth;

/// <summary>A wallet library nobody here wrote (viem) builds and signs the message; the app must accept it.</summary>
public class ViemWalletTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    [Theory]
    [InlineData("Sign in to EscrowP2P to trade.")]
    [InlineData(null)]
    public async Task Message_built_and_signed_by_viem_signs_in(string? statement)
    {
        var account = DevAccounts.Traders[2];
        using var client = app.CreateClient();
        var nonce = await SiweLogin.GetNonceAsync(client);

        var signed = await ViemWallet.SignInMessageAsync(account, nonce.Nonce, nonce.Domain, "https://escrowp2p.test/login", nonce.ChainId, statement);
        using var response = await SiweLogin.PostVerifyAsync(client, signed.Message, signed.Signature);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var token = await response.Content.ReadFromJsonAsync<SignInResponse>();
        token!.Address.ShouldBe(account.Address);
        token.AccessToken.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Viem_message_for_another_domain_is_refused()
    {
        using var client = app.CreateClient();
        var nonce = await SiweLogin.GetNonceAsync(client);

        var signed = await ViemWallet.SignInMessageAsync(DevAccounts.Traders[2], nonce.Nonce, "phishing.test", "https://phishing.test", nonce.ChainId);
        using var response = await SiweLogin.PostVerifyAsync(client, signed.Message, signed.Signature);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
