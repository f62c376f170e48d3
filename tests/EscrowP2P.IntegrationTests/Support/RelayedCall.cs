using System.Globalization;
using System.Text.Json.Nodes;

namespace EscrowP2P.IntegrationTests.Support;

/// <summary>One JSON-RPC call that went through the relay: its method, its parameters and the node's result.</summary>
public sealed record RelayedCall(string Method, JsonArray Params, JsonNode? Result)
{
    /// <summary>The block number an eth_getBlockByNumber call asked for; null for other calls and block tags.</summary>
    public long? RequestedBlock =>
        Method == "eth_getBlockByNumber" && Params[0]?.GetValue<string>() is { } tag && tag.StartsWith("0x", StringComparison.Ordinal)
            ? Quantity(tag)
            : null;

    public static long Quantity(JsonNode hex) => Quantity(hex.GetValue<string>());

    public static long Quantity(string hex) => long.Parse(hex.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
