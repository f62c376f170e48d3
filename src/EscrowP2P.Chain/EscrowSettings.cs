namespace EscrowP2P.Chain;

/// <summary>The escrow's admin-set parameters, as the contract reports them.</summary>
public sealed record EscrowSettings(ulong MinPaymentWindowSeconds, ulong MaxPaymentWindowSeconds, ushort FeeBps, bool Paused);
