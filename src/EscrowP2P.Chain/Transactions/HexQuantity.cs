using System.Globalization;
using System.Numerics;

namespace EscrowP2P.Chain.Transactions;

/// <summary>JSON-RPC quantities: 0x-prefixed hex without leading zeros ("0x0" for zero).</summary>
public static class HexQuantity
{
    public static string From(BigInteger value)
    {
        if (value.Sign < 0) throw new ArgumentOutOfRangeException(nameof(value), "quantities are never negative");
        if (value.IsZero) return "0x0";
        return "0x" + value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
    }

    public static string From(long value) => From(new BigInteger(value));
}
