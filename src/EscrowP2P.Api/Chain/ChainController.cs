using EscrowP2P.Chain;
using Microsoft.AspNetCore.Mvc;

namespace EscrowP2P.Api.Chain;

[ApiController]
[Route("api/chain")]
public sealed class ChainController(ChainConnection chain, SupportedTokens tokens) : ControllerBase
{
    /// <summary>The chain the service works on, the escrow contract and the tokens it accepts.</summary>
    [HttpGet(Name = "getChain")]
    public ChainInfo Get() => new(chain.ChainId, EthereumAddress.Checksum(chain.EscrowAddress), tokens.All);
}
