using System.Numerics;

namespace EscrowP2P.Chain.Transactions;

/// <summary>
/// What a seller locks in a new trade. <see cref="Salt"/> with <see cref="Seller"/> makes the trade id; <see cref="Token"/>
/// is the zero address for ETH.
/// </summary>
public sealed record TradeTerms(byte[] Salt, string Seller, string Buyer, string Token, BigInteger Amount, ulong PaymentWindowSeconds)
{
    public bool IsEth => Token.Equals(EthToken.Address, StringComparison.OrdinalIgnoreCase);
}

public static class EthToken
{
    public const string Address = "0x0000000000000000000000000000000000000000";
    public const string Symbol = "ETH";
    public const int Decimals = 18;
}
