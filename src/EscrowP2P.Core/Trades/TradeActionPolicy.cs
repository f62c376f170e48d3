using EscrowP2P.Chain;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Transactions;

namespace EscrowP2P.Core.Trades;

/// <summary>
/// Who may ask for which action in which on-chain state: the contract's rules, checked before anything is
/// simulated so a caller gets a precise answer. Time-based rules (expiry, the seller's grace period) are left to
/// the simulation, which runs against the chain's own clock.
/// </summary>
public static class TradeActionPolicy
{
    public static ActionDecision Decide(TradeAction action, string caller, OnChainTrade trade)
    {
        var isSeller = trade.IsSeller(caller);
        var isBuyer = trade.IsBuyer(caller);
        if (!isSeller && !isBuyer) return ActionDecision.NotAParty;

        var (roleAllowed, statesAllowed) = action switch
        {
            TradeAction.MarkPaid => (isBuyer, new[] { TradeStatus.Funded }),
            TradeAction.Release => (isSeller, [TradeStatus.Funded, TradeStatus.Paid]),
            TradeAction.Cancel => (true, isBuyer ? [TradeStatus.Funded, TradeStatus.Paid] : [TradeStatus.Funded]),
            TradeAction.Dispute => (true, [TradeStatus.Paid]),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
        if (!roleAllowed) return ActionDecision.WrongParty;
        return statesAllowed.Contains(trade.Status) ? ActionDecision.Allowed : ActionDecision.WrongState;
    }
}
