using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Transactions;

namespace EscrowP2P.Core.Moderation;

/// <summary>What a moderator's resolution request came to; a retry with its Idempotency-Key gets the same.</summary>
public abstract record ResolutionOutcome
{
    private ResolutionOutcome()
    {
    }

    /// <summary>resolveDispute was signed and sent: mined, reverted, or still pending when the wait ended.</summary>
    public sealed record Sent(ModeratorTransactionResult Transaction) : ResolutionOutcome;

    /// <summary>Nothing was signed: on-chain the trade is not disputed, but <paramref name="TradeStatus"/>.</summary>
    public sealed record NotDisputed(TradeStatus TradeStatus) : ResolutionOutcome;
}
