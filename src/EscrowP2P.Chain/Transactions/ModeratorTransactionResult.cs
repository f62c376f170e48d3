namespace EscrowP2P.Chain.Transactions;

/// <summary>The outcome of a server-signed transaction: mined, reverted, or still pending when the wait ended.</summary>
public sealed record ModeratorTransactionResult(string TxHash, ModeratorTransactionStatus Status, long? BlockNumber);
