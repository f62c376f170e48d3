using System.Net.Http.Headers;
using EscrowP2P.Chain.LocalNode;

namespace EscrowP2P.IntegrationTests.Support;

public static class AuthenticatedClientExtensions
{
    /// <summary>A client that sends the access token <paramref name="account"/> gets by signing in through the real SIWE flow.</summary>
    public static async Task<HttpClient> CreateAuthenticatedClientAsync(this EscrowApiFixture app, DevAccount account)
    {
        var token = await SiweLogin.SignInAsync(app.BaseAddress, account);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}
