using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Nethereum.Hex.HexConvertors.Extensions;

namespace EscrowP2P.Chain.Contracts;

/// <summary>
/// A trade's id: the escrow's bytes32, bound to its seller (<see cref="TradeIdDerivation"/>). It is written one way
/// everywhere — 0x and 64 lowercase hex digits — in URLs, JSON, hub groups, logs and the database, and read from text
/// only by <see cref="TryParse(string?, out TradeId)"/>: route values, JSON, hub arguments and stored rows.
/// </summary>
[JsonConverter(typeof(TradeIdJsonConverter))]
public readonly partial record struct TradeId : IParsable<TradeId>
{
    private TradeId(string hex) => Hex = hex;

    /// <summary>0x and 64 lowercase hex digits.</summary>
    public string Hex { get; }

    public byte[] ToBytes() => Hex.HexToByteArray();

    /// <summary>The id of the trade <paramref name="seller"/> creates with <paramref name="salt"/>, as the escrow derives it.</summary>
    public static TradeId Of(string seller, byte[] salt) => FromBytes(TradeIdDerivation.Derive(seller, salt));

    public static TradeId FromBytes(byte[] bytes) =>
        bytes.Length == 32 ? new TradeId(bytes.ToHex(prefix: true)) : throw new ArgumentException("a trade id is 32 bytes", nameof(bytes));

    /// <summary>0x followed by 64 hex digits, in either case.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TradeId tradeId)
    {
        tradeId = default;
        if (text is null || !Format().IsMatch(text)) return false;
        tradeId = new TradeId(text.ToLowerInvariant());
        return true;
    }

    public static TradeId Parse(string text) =>
        TryParse(text, out var tradeId) ? tradeId : throw new FormatException("A trade id is 0x followed by 64 hex digits.");

    static TradeId IParsable<TradeId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>For route binding (ASP.NET Core binds any <see cref="IParsable{TSelf}"/>).</summary>
    static bool IParsable<TradeId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out TradeId result) =>
        TryParse(s, out result);

    public override string ToString() => Hex;

    /// <summary>A trade id reads as its text wherever text is wanted; text becomes a trade id only through Parse.</summary>
    public static implicit operator string(TradeId tradeId) => tradeId.Hex;

    [GeneratedRegex("^0x[0-9a-fA-F]{64}$")]
    private static partial Regex Format();
}
