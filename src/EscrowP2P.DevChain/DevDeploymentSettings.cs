using System.Numerics;

namespace EscrowP2P.DevChain;

/// <summary>Settings for the contracts deployed on a development chain.</summary>
public sealed record DevDeploymentSettings
{
    public ushort FeeBps { get; init; } = 100;
    public string FeeRecipient { get; init; } = DevAccounts.FeeRecipient.Address;
    public ulong MinPaymentWindowSeconds { get; init; } = 5 * 60;
    public ulong MaxPaymentWindowSeconds { get; init; } = 7 * 24 * 60 * 60;
    public IReadOnlyList<string> Moderators { get; init; } = [DevAccounts.Moderator.Address];
    /// <summary>Minted to every trader account, in the stablecoin's base units (6 decimals).</summary>
    public BigInteger StablecoinPerTrader { get; init; } = 1_000_000 * BigInteger.Pow(10, 6);
}
