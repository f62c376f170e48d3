using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using EscrowP2P.Chain.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace EscrowP2P.Core.Trades;

/// <summary>A trade's bytes32 id as 0x + 64 hex digits (lowercase when formatted). Binds from route values.</summary>
public readonly partial record struct TradeId
{
    private TradeId(string hex) => Hex = hex;

    public string Hex { get; }

    public byte[] ToBytes() => Hex.HexToByteArray();

    /// <summary>The id of the trade <paramref name="seller"/> creates with <paramref name="salt"/>, as the escrow derives it.</summary>
    public static TradeId Of(string seller, byte[] salt) => FromBytes(TradeIdDerivation.Derive(seller, salt));

    public static TradeId FromBytes(byte[] bytes) =>
        bytes.Length == 32 ? new TradeId(bytes.ToHex(prefix: true)) : throw new ArgumentException("a trade id is 32 bytes", nameof(bytes));

    public static bool TryParse(string? value, [NotNullWhen(true)] out TradeId? tradeId)
    {
        tradeId = null;
        if (value is null || !Format().IsMatch(value)) return false;
        tradeId = new TradeId(value.ToLowerInvariant());
        return true;
    }

    /// <summary>For ASP.NET Core route binding.</summary>
    public static bool TryParse(string? value, IFormatProvider? provider, out TradeId result)
    {
        _ = provider;
        var ok = TryParse(value, out TradeId? parsed);
        result = parsed ?? default;
        return ok;
    }

    public override string ToString() => Hex;

    [GeneratedRegex("^0x[0-9a-fA-F]{64}$")]
    private static partial Regex Format();
}
