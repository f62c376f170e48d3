using System.Net;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;
using Microsoft.Extensions.Hosting;

namespace EscrowP2P.IntegrationTests.Auth;

/// <summary>The app as production runs it: its own domain configured the usual way, nothing from development.</summary>
public sealed class ProductionApiFixture : EscrowApiFixture
{
    public const string Domain = "app.example.com";

    protected override string EnvironmentName => Environments.Production;

    protected override void Configure(IDictionary<string, string?> settings) => settings["Auth:Domains:0"] = Domain;
}

public class SiweDomainTests(ProductionApiFixture app) : IClassFixture<ProductionApiFixture>
{
    private static DevAccount Trader => DevAccounts.Traders[0];

    private async Task<HttpStatusCode> SignInOnAsync(string domain, string uri)
    {
        using var client = app.CreateClient();
        var nonce = await SiweLogin.GetNonceAsync(client);
        var message = (SiweLogin.MessageFor(Trader, nonce) with { Domain = domain, Uri = uri }).ToString();
        using var response = await SiweLogin.PostVerifyAsync(client, message, SiweLogin.Sign(message, Trader));
        return response.StatusCode;
    }

    [Fact]
    public async Task Production_refuses_a_correctly_signed_login_for_a_local_development_page()
    {
        (await SignInOnAsync("localhost:3000", "http://localhost:3000")).ShouldBe(HttpStatusCode.Unauthorized);
        (await SignInOnAsync("localhost:5173", "http://localhost:5173")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Production_accepts_a_login_for_its_configured_domain()
    {
        (await SignInOnAsync(ProductionApiFixture.Domain, $"https://{ProductionApiFixture.Domain}")).ShouldBe(HttpStatusCode.OK);
    }
}
