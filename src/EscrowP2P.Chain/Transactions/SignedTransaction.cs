namespace EscrowP2P.Chain.Transactions;

/// <summary>
/// A server-signed transaction: its hash, and the raw signed bytes (0x-hex) that broadcast it again unchanged — same
/// nonce, same hash — should the node lose it.
/// </summary>
public sealed record SignedTransaction(string Hash, string Raw, long Nonce);
