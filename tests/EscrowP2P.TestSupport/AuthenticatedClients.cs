using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using EscrowP2P.DevChain;

namespace EscrowP2P.TestSupport;

/// <summary>Clients signed in through the real Sign-In with Ethereum flow (nonce, personal_sign, verify).</summary>
public static class AuthenticatedClients
{
    // One login per account and fixture: the signing key lives in the fixture's settings, so tokens outlive app restarts.
    private static readonly ConditionalWeakTable<EscrowApiFixture, ConcurrentDictionary<string, Task<string>>> Tokens = [];

    /// <summary>An HttpClient signed in as <paramref name="account"/>.</summary>
    public static async Task<HttpClient> ClientForAsync(this EscrowApiFixture app, DevAccount account)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.AccessTokenForAsync(account));
        return client;
    }

    /// <summary>The access token <paramref name="account"/> got by signing in.</summary>
    public static Task<string> AccessTokenForAsync(this EscrowApiFixture app, DevAccount account) =>
        Tokens.GetOrCreateValue(app).GetOrAdd(account.Address, async _ => (await SiweLogin.SignInAsync(app.BaseAddress, account)).AccessToken);
}
