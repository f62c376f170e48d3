using System.Globalization;
using System.Net;
using System.Numerics;
using System.Text.Json;
using EscrowP2P.Chain;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.DevChain;
using EscrowP2P.IntegrationTests.Support;
using EscrowP2P.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Serilog.Core;

namespace EscrowP2P.IntegrationTests.Trades;

/// <summary>The app with its log recorded, to check what it warns about.</summary>
public sealed class RecordedLogsFixture : EscrowApiFixture
{
    public RecordingLogSink Logs { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILogEventSink>(Logs);
}

/// <summary>
/// The off-chain terms a seller prepares (offer, fiat amount, currency, payment method) stay with the seller's own
/// trade: a copied or imitated createTrade from another account opens a different trade, and a createTrade that
/// differs from what was prepared keeps the on-chain facts without the prepared terms.
/// </summary>
public class PreparedTradeBindingTests(RecordedLogsFixture app) : IClassFixture<RecordedLogsFixture>
{
    private static readonly BigInteger Amount = 1_000_000_000_000_000;

    [Fact]
    public async Task A_replayed_createTrade_opens_the_copiers_own_trade_and_the_sellers_trade_keeps_its_terms()
    {
        var (seller, buyer, copier) = (DevAccounts.Traders[0], DevAccounts.Traders[1], DevAccounts.Traders[2]);
        var prepared = await PrepareWithOfferAsync(seller, buyer);

        var copied = await SendFromAsync(copier, prepared.CreateTrade.GetProperty("to").GetString()!,
            prepared.CreateTrade.GetProperty("data").GetString()!, HexValue(prepared.CreateTrade, "value"));
        await app.SignAndSendAsync(seller, prepared.CreateTrade);

        var copiedTradeId = CreatedTradeId(copied);
        copiedTradeId.ShouldNotBe(prepared.TradeId);
        await ShouldBeFundedWithItsTermsAsync(seller, prepared);
        await ShouldCarryNoPreparedTermsAsync(copier, copiedTradeId, copier.Address, buyer.Address);
    }

    [Fact]
    public async Task A_createTrade_with_the_prepared_salt_from_another_account_cannot_take_the_sellers_trade()
    {
        var (seller, buyer, imitator, accomplice) = (DevAccounts.Traders[3], DevAccounts.Traders[4], DevAccounts.Traders[5], DevAccounts.Traders[6]);
        var prepared = await PrepareWithOfferAsync(seller, buyer);
        var salt = new CreateTradeFunction().DecodeInput(prepared.CreateTrade.GetProperty("data").GetString()!).Salt;
        salt.ToHex(prefix: true).ShouldBe(prepared.Salt);
        TradeIdDerivation.Derive(seller.Address, salt).ToHex(prefix: true).ShouldBe(prepared.TradeId);

        var imitation = await app.Web3For(imitator).Eth.GetContractTransactionHandler<CreateTradeFunction>()
            .SendRequestAndWaitForReceiptAsync(app.Deployment.EscrowAddress, new CreateTradeFunction
            {
                Salt = salt,
                Buyer = accomplice.Address,
                Token = TradeScenario.Eth,
                Amount = 1,
                PaymentWindow = 1800,
                AmountToSend = 1,
            }).EnsureSucceeded();
        await app.WaitForIngestionAsync((long)imitation.BlockNumber.Value);
        await app.SignAndSendAsync(seller, prepared.CreateTrade);

        var imitationTradeId = CreatedTradeId(imitation);
        imitationTradeId.ShouldNotBe(prepared.TradeId);
        await ShouldBeFundedWithItsTermsAsync(seller, prepared);
        await ShouldCarryNoPreparedTermsAsync(imitator, imitationTradeId, imitator.Address, accomplice.Address);
    }

    [Theory]
    [InlineData("amount")]
    [InlineData("buyer")]
    public async Task A_createTrade_that_differs_from_the_prepared_one_shows_the_on_chain_facts_without_the_prepared_terms(string changed)
    {
        var (seller, buyer, otherBuyer) = (DevAccounts.Traders[0], DevAccounts.Traders[5], DevAccounts.Traders[6]);
        var prepared = await PrepareWithOfferAsync(seller, buyer);
        var sent = new CreateTradeFunction().DecodeInput(prepared.CreateTrade.GetProperty("data").GetString()!);
        if (changed == "amount") sent.Amount += 1;
        else sent.Buyer = otherBuyer.Address;
        sent.AmountToSend = sent.Amount;

        var receipt = await app.Web3For(seller).Eth.GetContractTransactionHandler<CreateTradeFunction>()
            .SendRequestAndWaitForReceiptAsync(app.Deployment.EscrowAddress, sent).EnsureSucceeded();
        await app.WaitForIngestionAsync((long)receipt.BlockNumber.Value);

        CreatedTradeId(receipt).ShouldBe(prepared.TradeId);
        using var client = await app.ClientForAsync(seller);
        var trade = await client.GetOkAsync($"/api/trades/{prepared.TradeId}");
        trade.GetProperty("status").GetString().ShouldBe("Funded");
        trade.GetProperty("amount").GetString().ShouldBe(sent.Amount.ToString(CultureInfo.InvariantCulture));
        trade.GetProperty("buyer").GetString().ShouldBe(sent.Buyer, StringCompareShould.IgnoreCase);
        ShouldHaveNoPreparedTerms(trade);
        app.Logs.Lines.ShouldContain(line => line.Contains(prepared.TradeId) && line.Contains("prepared off-chain terms are detached"));
    }

    private sealed record Prepared(string TradeId, string Salt, string OfferId, JsonElement CreateTrade);

    private async Task<Prepared> PrepareWithOfferAsync(DevAccount seller, DevAccount buyer)
    {
        using var client = await app.ClientForAsync(seller);
        var offer = await client.PostOkAsync("/api/p2p/offers", new
        {
            token = TradeScenario.Eth,
            minAmount = "1000",
            maxAmount = "1000000000000000000",
            price = "2500.00",
            fiatCurrency = "EUR",
            paymentMethods = new[] { "SEPA" },
            paymentWindowSeconds = 1800,
        }, HttpStatusCode.Created);
        var offerId = offer.GetProperty("id").GetString()!;
        var prepared = await client.PostOkAsync("/api/p2p/trades", new
        {
            buyer = buyer.Address,
            token = TradeScenario.Eth,
            amount = Amount.ToString(CultureInfo.InvariantCulture),
            paymentWindowSeconds = 1800,
            offerId,
            fiatAmount = "2.50",
            fiatCurrency = "EUR",
            paymentMethod = "SEPA",
        }, HttpStatusCode.Created);
        var createTrade = prepared.GetProperty("transactions").EnumerateArray().Single(t => t.GetProperty("purpose").GetString() == "createTrade");
        return new Prepared(prepared.GetProperty("tradeId").GetString()!, prepared.GetProperty("salt").GetString()!, offerId, createTrade);
    }

    /// <summary>Sends the same to, data and value from another account, as someone copying a pending transaction would.</summary>
    private async Task<TransactionReceipt> SendFromAsync(DevAccount account, string to, string data, BigInteger value)
    {
        var receipt = await app.Web3For(account).Eth.TransactionManager.SendTransactionAndWaitForReceiptAsync(new TransactionInput
        {
            From = account.Address,
            To = to,
            Data = data,
            Value = new HexBigInteger(value),
            Gas = new HexBigInteger(500_000),
        });
        receipt.Succeeded().ShouldBeTrue("the copied createTrade reverted");
        await app.WaitForIngestionAsync((long)receipt.BlockNumber.Value);
        return receipt;
    }

    private async Task ShouldBeFundedWithItsTermsAsync(DevAccount seller, Prepared prepared)
    {
        using var client = await app.ClientForAsync(seller);
        var trade = await client.GetOkAsync($"/api/trades/{prepared.TradeId}");
        trade.GetProperty("status").GetString().ShouldBe("Funded");
        trade.GetProperty("seller").GetString().ShouldBe(seller.Address);
        trade.GetProperty("amount").GetString().ShouldBe(Amount.ToString(CultureInfo.InvariantCulture));
        trade.GetProperty("offerId").GetString().ShouldBe(prepared.OfferId);
        trade.GetProperty("fiatAmount").GetString().ShouldBe("2.50");
        trade.GetProperty("fiatCurrency").GetString().ShouldBe("EUR");
        trade.GetProperty("paymentMethod").GetString().ShouldBe("SEPA");
    }

    private async Task ShouldCarryNoPreparedTermsAsync(DevAccount caller, string tradeId, string seller, string buyer)
    {
        using var client = await app.ClientForAsync(caller);
        var trade = await client.GetOkAsync($"/api/trades/{tradeId}");
        trade.GetProperty("status").GetString().ShouldBe("Funded");
        trade.GetProperty("seller").GetString().ShouldBe(seller);
        trade.GetProperty("buyer").GetString().ShouldBe(buyer);
        ShouldHaveNoPreparedTerms(trade);
    }

    private static void ShouldHaveNoPreparedTerms(JsonElement trade)
    {
        foreach (var field in new[] { "offerId", "fiatAmount", "fiatCurrency", "paymentMethod", "preparedAt" })
        {
            trade.GetProperty(field).ValueKind.ShouldBe(JsonValueKind.Null, $"{field} in {trade}");
        }
    }

    private string CreatedTradeId(TransactionReceipt receipt) =>
        receipt.DecodeAllEvents<TradeCreatedEvent>()
            .Single(e => e.Log.Address.Equals(app.Deployment.EscrowAddress, StringComparison.OrdinalIgnoreCase))
            .Event.TradeId.ToHex(prefix: true);

    private static BigInteger HexValue(JsonElement tx, string field) => new HexBigInteger(tx.GetProperty(field).GetString()).Value;
}
