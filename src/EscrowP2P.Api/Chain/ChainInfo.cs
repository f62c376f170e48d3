namespace EscrowP2P.Api.Chain;

/// <summary>GET /api/chain: the chain id, the escrow contract and the tokens it accepts.</summary>
public sealed record ChainInfo(long ChainId, string EscrowAddress, IReadOnlyList<SupportedToken> Tokens);
