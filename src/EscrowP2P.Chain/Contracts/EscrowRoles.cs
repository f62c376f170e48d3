using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace EscrowP2P.Chain.Contracts;

/// <summary>The escrow's access-control roles, derived as the contract derives them.</summary>
public static class EscrowRoles
{
    /// <summary>MODERATOR_ROLE = keccak256("MODERATOR_ROLE"), 0x-hex.</summary>
    public static string Moderator { get; } = Sha3Keccack.Current.CalculateHash("MODERATOR_ROLE").EnsureHexPrefix();
}
