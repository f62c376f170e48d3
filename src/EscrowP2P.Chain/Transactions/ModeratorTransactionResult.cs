namespace EscrowP2P.Chain.Transactions;

/// <summary>The outcome of a server-signed transaction: mined, reverted, or still pending when the wait ended.</summary>
public sealed record ModeratorTransactionResult(string TxHash, string Status, long? BlockNumber)
{
    public const string Mined = "mined";
    public const string Reverted = "reverted";
    public const string Pending = "pending";
}
