using System.ComponentModel.DataAnnotations;

namespace EscrowP2P.Chain.Configuration;

/// <summary>An ERC-20 token offered to traders (one entry of Chain:Tokens).</summary>
public sealed class TokenOptions
{
    [Required] public string Symbol { get; set; } = "";
    [Required, EthereumAddress(ErrorMessage = "Chain:Tokens: each Address must be a 0x-prefixed 20-byte address.")] public string Address { get; set; } = "";
    [Range(0, 36)] public int Decimals { get; set; }

    /// <summary>
    /// The token refuses to change a non-zero allowance to another non-zero value (USDT on Ethereum mainnet does):
    /// a short allowance is then reset to zero before the new approve.
    /// </summary>
    public bool ResetAllowanceFirst { get; set; }
}
