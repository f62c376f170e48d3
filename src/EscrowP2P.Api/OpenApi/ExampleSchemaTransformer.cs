using System.Text.Json.Nodes;
using EscrowP2P.Api.Admin;
using EscrowP2P.Api.Offers;
using EscrowP2P.Api.Trades;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Transactions;
using EscrowP2P.Core.Trades;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EscrowP2P.Api.OpenApi;

/// <summary>
/// Examples of the bodies integrators build and read most: amounts as base-unit decimal strings (2500000 = 2.5 of a
/// 6-decimals token), quantities in unsigned transactions as hex, addresses EIP-55 checksummed.
/// </summary>
public sealed class ExampleSchemaTransformer : IOpenApiSchemaTransformer
{
    private const string Seller = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private const string Buyer = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    private const string Token = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private const string Escrow = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
    private const string TradeId = "0x9c22ff5f21f0b81b113e63f7db6da94fedef11b2119b4088b89664fb9a3cb658";

    private static readonly Dictionary<Type, Func<JsonNode>> Examples = new()
    {
        [typeof(PrepareTradeRequest)] = () => new JsonObject
        {
            ["buyer"] = Buyer, ["token"] = Token, ["amount"] = "2500000", ["paymentWindowSeconds"] = 3600,
            ["offerId"] = null, ["fiatAmount"] = "2.50", ["fiatCurrency"] = "EUR", ["paymentMethod"] = "SEPA",
        },
        [typeof(PreparedTrade)] = () => new JsonObject
        {
            ["tradeId"] = TradeId,
            ["salt"] = "0x5d2a0cbb1e8f4f7a9b3c6d4e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a",
            ["transactions"] = new JsonArray(UnsignedTransaction("approve", Token, "0x095ea7b3", "0x0"), UnsignedTransaction("createTrade", Escrow, "0x1d65e2b0", "0x0")),
        },
        [typeof(UnsignedTransaction)] = () => UnsignedTransaction("markPaid", Escrow, "0x8a0b1b9f" + TradeId[2..], "0x0"),
        [typeof(CreateOfferRequest)] = () => new JsonObject
        {
            ["token"] = Token, ["minAmount"] = "10000000", ["maxAmount"] = "500000000", ["price"] = "0.92",
            ["fiatCurrency"] = "EUR", ["paymentMethods"] = new JsonArray("SEPA", "Revolut"), ["paymentWindowSeconds"] = 1800,
            ["terms"] = "Payment reference: the trade id.",
        },
        [typeof(ResolveDisputeRequest)] = () => new JsonObject { ["buyerBps"] = 10000, ["reason"] = "The buyer's bank statement shows the payment." },
        [typeof(ModeratorTransactionResult)] = () => new JsonObject
        {
            ["txHash"] = "0x1f2e3d4c5b6a79880716253443526170819a8b7c6d5e4f30211203f4e5d6c7b8", ["status"] = "mined", ["blockNumber"] = 1234,
        },
        [typeof(TradeStatus)] = () => "funded",
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is null && Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            schema.Examples = [example()];
        }
        return Task.CompletedTask;
    }

    private static JsonObject UnsignedTransaction(string purpose, string to, string data, string value) => new()
    {
        ["purpose"] = purpose, ["from"] = purpose == "markPaid" ? Buyer : Seller, ["to"] = to, ["data"] = data, ["value"] = value,
        ["chainId"] = "0x7a69", ["gas"] = "0x1d4c0", ["maxFeePerGas"] = "0x77359400", ["maxPriorityFeePerGas"] = "0x3b9aca00",
    };
}
