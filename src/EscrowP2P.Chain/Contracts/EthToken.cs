namespace EscrowP2P.Chain.Contracts;

/// <summary>ETH where the escrow expects a token: the zero address, with ETH's symbol and decimals.</summary>
public static class EthToken
{
    public const string Address = EthereumAddress.Zero;
    public const string Symbol = "ETH";
    public const int Decimals = 18;
}
