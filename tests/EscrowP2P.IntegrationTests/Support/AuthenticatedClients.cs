using System.Net.Http.Headers;
using EscrowP2P.Api.Auth;
using EscrowP2P.Chain.LocalNode;
using Microsoft.Extensions.DependencyInjection;

namespace EscrowP2P.IntegrationTests.Support;

public static class AuthenticatedClients
{
    /// <summary>An HttpClient signed in as <paramref name="account"/>.</summary>
    public static async Task<HttpClient> ClientForAsync(this EscrowApiFixture app, DevAccount account)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.AccessTokenForAsync(account));
        return client;
    }

    /// <summary>An access token for <paramref name="account"/>.</summary>
    public static Task<string> AccessTokenForAsync(this EscrowApiFixture app, DevAccount account)
    {
        var roles = account == DevAccounts.Moderator ? new[] { Roles.Moderator } : [];
        return Task.FromResult(app.Services.GetRequiredService<JwtTokenIssuer>().Issue(account.Address, roles).AccessToken);
    }
}
