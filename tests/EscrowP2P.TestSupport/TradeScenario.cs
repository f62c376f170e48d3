using System.Globalization;
using System.Numerics;
using System.Text.Json;
using EscrowP2P.DevChain;

namespace EscrowP2P.TestSupport;

/// <summary>Drives one trade through the real API and a wallet that signs exactly what the API returns.</summary>
public sealed class TradeScenario(EscrowApiFixture app, DevAccount seller, DevAccount buyer)
{
    public const string Eth = "0x0000000000000000000000000000000000000000";

    public DevAccount Seller { get; } = seller;
    public DevAccount Buyer { get; } = buyer;
    public string TradeId { get; private set; } = "";

    public async Task<JsonElement> PrepareAsync(string token, BigInteger amount, long paymentWindowSeconds = 1800)
    {
        using var client = await app.ClientForAsync(Seller);
        var prepared = await client.PostOkAsync("/api/p2p/trades", new
        {
            buyer = Buyer.Address,
            token,
            amount = amount.ToString(CultureInfo.InvariantCulture),
            paymentWindowSeconds,
            fiatAmount = "100.00",
            fiatCurrency = "EUR",
            paymentMethod = "SEPA",
        }, System.Net.HttpStatusCode.Created);
        TradeId = prepared.GetProperty("tradeId").GetString()!;
        return prepared;
    }

    /// <summary>Prepares and funds the trade: the seller signs every returned transaction in order.</summary>
    public async Task<BigInteger> FundAsync(string token, BigInteger amount, long paymentWindowSeconds = 1800)
    {
        var prepared = await PrepareAsync(token, amount, paymentWindowSeconds);
        BigInteger gas = 0;
        foreach (var tx in prepared.GetProperty("transactions").EnumerateArray())
        {
            gas += (await app.SignAndSendAsync(Seller, tx)).GasCost();
        }
        return gas;
    }

    /// <summary>Asks the API for an action's transaction as <paramref name="caller"/>, signs and sends it; returns the gas paid.</summary>
    public async Task<BigInteger> ActAsync(string action, DevAccount caller)
    {
        using var client = await app.ClientForAsync(caller);
        var tx = await client.PostOkAsync($"/api/trades/{TradeId}/{action}");
        return (await app.SignAndSendAsync(caller, tx)).GasCost();
    }

    public async Task<JsonElement> GetAsync(DevAccount caller)
    {
        await app.WaitForIngestionAsync();
        using var client = await app.ClientForAsync(caller);
        return await client.GetOkAsync($"/api/trades/{TradeId}");
    }
}
