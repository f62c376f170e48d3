using System.Text.Json;
using EscrowP2P.Chain.Contracts;

namespace EscrowP2P.ChainTests.Contracts;

public class TradeIdTests
{
    private const string Lowercase = "0x00ab1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";

    [Fact]
    public void A_trade_id_parses_in_either_case_and_is_written_in_lowercase()
    {
        var tradeId = TradeId.Parse(Lowercase.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal));

        tradeId.ShouldBe(TradeId.Parse(Lowercase));
        tradeId.Hex.ShouldBe(Lowercase);
        tradeId.ToString().ShouldBe(Lowercase);
        TradeId.FromBytes(tradeId.ToBytes()).ShouldBe(tradeId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("00ab1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b")]
    [InlineData("0x00ab1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0")]
    [InlineData("0x00ab1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b0")]
    [InlineData("0x00ab1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0g")]
    [InlineData(" 0x00ab1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b")]
    public void Anything_but_0x_and_64_hex_digits_is_no_trade_id(string? text)
    {
        TradeId.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void In_json_a_trade_id_is_its_lowercase_hex_string()
    {
        var json = JsonSerializer.Serialize(new { tradeId = TradeId.Parse(Lowercase) });

        json.ShouldBe($$"""{"tradeId":"{{Lowercase}}"}""");
        JsonSerializer.Deserialize<TradeId>($"\"{Lowercase.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)}\"").Hex.ShouldBe(Lowercase);
    }

    [Theory]
    [InlineData("\"0x1234\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void Json_that_is_no_trade_id_is_refused(string json)
    {
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<TradeId>(json));
    }
}
