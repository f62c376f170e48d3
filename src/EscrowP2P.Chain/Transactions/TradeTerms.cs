using System.Numerics;
using EscrowP2P.Chain.Contracts;

namespace EscrowP2P.Chain.Transactions;

/// <summary>
/// What a seller locks in a new trade. <see cref="Salt"/> with <see cref="Seller"/> makes the trade id; <see cref="Token"/>
/// is the zero address for ETH.
/// </summary>
public sealed record TradeTerms(byte[] Salt, string Seller, string Buyer, string Token, BigInteger Amount, ulong PaymentWindowSeconds)
{
    public bool IsEth => EthereumAddress.AreSame(Token, EthToken.Address);
}
