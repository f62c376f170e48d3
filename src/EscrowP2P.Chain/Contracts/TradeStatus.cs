namespace EscrowP2P.Chain.Contracts;

/// <summary>The escrow contract's <c>Status</c> enum, in declaration order.</summary>
public enum TradeStatus : byte
{
    None = 0,
    Funded = 1,
    Paid = 2,
    Completed = 3,
    Cancelled = 4,
    Disputed = 5,
    Resolved = 6,
}
