namespace EscrowP2P.Api.Chain;

/// <summary>A token traders can use: ETH (the zero address) or a configured ERC-20.</summary>
public sealed record SupportedToken(string Symbol, string Address, int Decimals);
