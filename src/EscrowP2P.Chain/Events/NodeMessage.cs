using System.Globalization;
using System.Text.Json;

namespace EscrowP2P.Chain.Events;

internal enum NodeMessageKind
{
    /// <summary>An <c>eth_subscription</c> notification carrying a new head.</summary>
    NewHead,

    /// <summary>A JSON-RPC response (result or error) to one of our requests.</summary>
    Response,

    /// <summary>Anything else; ignored.</summary>
    Other,
}

/// <summary>What a JSON-RPC message from the node over the WebSocket says, as far as the head watcher cares.</summary>
internal readonly record struct NodeMessage(NodeMessageKind Kind, long? BlockNumber = null, long? ResponseId = null, string? Error = null)
{
    /// <summary>Throws <see cref="JsonException"/> when the message is not JSON at all.</summary>
    public static NodeMessage Parse(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return new(NodeMessageKind.Other);

        if (root.TryGetProperty("method", out var method) && method.ValueEquals("eth_subscription"))
        {
            return root.TryGetProperty("params", out var parameters)
                && parameters.ValueKind == JsonValueKind.Object
                && parameters.TryGetProperty("result", out var head)
                && head.ValueKind == JsonValueKind.Object
                && head.TryGetProperty("number", out var number)
                && TryParseQuantity(number, out var blockNumber)
                ? new(NodeMessageKind.NewHead, BlockNumber: blockNumber)
                : new(NodeMessageKind.Other);
        }

        if (root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var responseId))
        {
            var error = root.TryGetProperty("error", out var e) && e.ValueKind != JsonValueKind.Null ? e.GetRawText() : null;
            return new(NodeMessageKind.Response, ResponseId: responseId, Error: error);
        }

        return new(NodeMessageKind.Other);
    }

    private static bool TryParseQuantity(JsonElement element, out long value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.String
            && element.GetString() is { Length: > 2 } hex
            && hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(hex.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            && value >= 0;
    }
}
