using EscrowP2P.Chain;
using Microsoft.AspNetCore.Mvc;
using Nethereum.Util;

namespace EscrowP2P.Api.Chain;

[ApiController]
[Route("api/chain")]
public sealed class ChainController(ChainConnection chain, SupportedTokens tokens) : ControllerBase
{
    /// <summary>The chain the service works on, the escrow contract and the tokens it accepts.</summary>
    [HttpGet]
    public ChainInfo Get() => new(
        chain.ChainId,
        AddressUtil.Current.ConvertToChecksumAddress(chain.EscrowAddress),
        tokens.All);
}

public sealed record ChainInfo(long ChainId, string EscrowAddress, IReadOnlyList<SupportedToken> Tokens);
