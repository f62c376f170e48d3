using System.Text.Json;
using System.Text.Json.Serialization;

namespace EscrowP2P.Chain.Contracts;

/// <summary>A <see cref="TradeId"/> in JSON is its 0x-hex string, in REST responses and in hub messages and arguments alike.</summary>
public sealed class TradeIdJsonConverter : JsonConverter<TradeId>
{
    public override TradeId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && TradeId.TryParse(reader.GetString(), out var tradeId)
            ? tradeId
            : throw new JsonException("A trade id is 0x followed by 64 hex digits.");

    public override void Write(Utf8JsonWriter writer, TradeId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Hex);
}
