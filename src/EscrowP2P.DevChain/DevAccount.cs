namespace EscrowP2P.DevChain;

/// <summary>One of anvil's funded development accounts, its index, private key and address.</summary>
public sealed record DevAccount(int Index, string PrivateKey, string Address)
{
    public override string ToString() => $"#{Index} {Address}";
}
