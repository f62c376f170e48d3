using System.Net.Http.Headers;
using System.Text.Json;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;

namespace EscrowP2P.TopologyTests;

/// <summary>Signed-in clients of the topology: one SIWE login per account (through the proxy), valid on every instance.</summary>
public sealed class TopologyClients(TwoInstanceTopology topology)
{
    private readonly Dictionary<string, string> _tokens = [];

    public async Task<string> TokenForAsync(DevAccount account)
    {
        if (!_tokens.TryGetValue(account.Address, out var token))
        {
            token = (await SiweLogin.SignInAsync(topology.Proxy.BaseAddress, account)).AccessToken;
            _tokens[account.Address] = token;
        }
        return token;
    }

    /// <summary>An HTTP client signed in as <paramref name="account"/>, talking to <paramref name="server"/> (the proxy unless given).</summary>
    public async Task<HttpClient> ClientForAsync(DevAccount account, Uri? server = null)
    {
        var client = new HttpClient { BaseAddress = server ?? topology.Proxy.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(account));
        return client;
    }

    /// <summary>The trade with its stored events, as <paramref name="account"/> reads it from <paramref name="server"/>.</summary>
    public async Task<JsonElement> TradeAsync(DevAccount account, string tradeId, Uri? server = null)
    {
        using var client = await ClientForAsync(account, server);
        return await client.GetOkAsync($"/api/trades/{tradeId}");
    }
}
