using System.Net.Http.Json;
using EscrowP2P.Api.Auth;
using EscrowP2P.DevChain;
using Nethereum.Signer;

namespace EscrowP2P.TestSupport;

/// <summary>Signs in to the app the way a browser does: nonce, EIP-4361 message, personal_sign, verify.</summary>
public static class SiweLogin
{
    /// <summary>Signs in as <paramref name="account"/> and returns the token response; fails the test if refused.</summary>
    public static async Task<SignInResponse> SignInAsync(HttpClient client, DevAccount account)
    {
        var nonce = await GetNonceAsync(client);
        var message = MessageFor(account, nonce).ToString();
        using var response = await PostVerifyAsync(client, message, Sign(message, account));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"sign-in as {account} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadFromJsonAsync<SignInResponse>())!;
    }

    /// <summary>Signs in as <paramref name="account"/> against the app at <paramref name="baseAddress"/>.</summary>
    public static async Task<SignInResponse> SignInAsync(Uri baseAddress, DevAccount account)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        return await SignInAsync(client, account);
    }

    public static async Task<NonceResponse> GetNonceAsync(HttpClient client)
    {
        using var response = await client.PostAsync(new Uri("/api/auth/nonce", UriKind.Relative), content: null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<NonceResponse>())!;
    }

    /// <summary>A message the app accepts from <paramref name="account"/> with this nonce, issued now.</summary>
    public static SiweMessageText MessageFor(DevAccount account, NonceResponse nonce) => new()
    {
        Domain = EscrowApiFixture.SiweDomain,
        Uri = SiweMessageText.DefaultUri,
        Address = account.Address,
        ChainId = nonce.ChainId,
        Nonce = nonce.Nonce,
        IssuedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>An EIP-191 personal_sign signature, as a wallet makes it.</summary>
    public static string Sign(string message, DevAccount account) =>
        new EthereumMessageSigner().EncodeUTF8AndSign(message, new EthECKey(account.PrivateKey));

    public static Task<HttpResponseMessage> PostVerifyAsync(HttpClient client, string message, string signature) =>
        client.PostAsJsonAsync(new Uri("/api/auth/verify", UriKind.Relative), new { message, signature });
}
