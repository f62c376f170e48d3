using EscrowP2P.Chain;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Transactions;
using EscrowP2P.Core.Errors;

namespace EscrowP2P.Core.Trades;

/// <summary>
/// Prepares a party's action on a funded trade, after checking against the contract's current state (read from
/// the chain, never guessed) that this caller may do it now.
/// </summary>
public sealed class TradeActionService(EscrowService escrow)
{
    public async Task<UnsignedTransaction> PrepareAsync(TradeAction action, TradeId tradeId, string caller, CancellationToken cancellationToken)
    {
        var trade = await escrow.GetTradeAsync(tradeId.ToBytes(), cancellationToken);
        if (trade.Status == TradeStatus.None) throw new NotFoundException("No funded trade has this id.");

        switch (TradeActionPolicy.Decide(action, caller, trade))
        {
            case ActionDecision.NotAParty:
                throw new ForbiddenException("Only the trade's buyer or seller can act on it.");
            case ActionDecision.WrongParty:
                throw new ForbiddenException($"The {(action == TradeAction.MarkPaid ? "buyer" : "seller")} of the trade does this, not you.");
            case ActionDecision.WrongState:
                throw new ConflictException(
                    $"A trade that is {trade.Status} does not allow {RouteName(action)} by you.",
                    new Dictionary<string, object?> { ["tradeStatus"] = trade.Status.ToString() });
        }
        return await escrow.PrepareActionAsync(action, tradeId.ToBytes(), caller, cancellationToken);
    }

    /// <summary>The action as its route names it.</summary>
    private static string RouteName(TradeAction action) => action switch
    {
        TradeAction.MarkPaid => "mark-paid",
        TradeAction.Release => "release",
        TradeAction.Cancel => "cancel",
        TradeAction.Dispute => "dispute",
        _ => action.ToString(),
    };
}
