using System.Security.Cryptography;
using Nethereum.ABI;
using Nethereum.Util;

namespace EscrowP2P.Chain.Contracts;

/// <summary>
/// The escrow binds a trade id to its seller: <c>keccak256(abi.encode(seller, salt))</c>, as <c>P2PEscrow.tradeIdOf</c>
/// computes it. Whoever copies a pending createTrade gets a trade of their own under another id.
/// </summary>
public static class TradeIdDerivation
{
    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(32);

    public static byte[] Derive(string seller, byte[] salt)
    {
        if (salt.Length != 32) throw new ArgumentException("a salt is 32 bytes", nameof(salt));
        var encoded = new ABIEncode().GetABIEncoded(new ABIValue("address", seller), new ABIValue("bytes32", salt));
        return Sha3Keccack.Current.CalculateHash(encoded);
    }
}
