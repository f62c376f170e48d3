namespace EscrowP2P.Chain.Events;

public sealed record BlockHeader(long Number, string Hash, string ParentHash, long Timestamp);
