namespace EscrowP2P.Chain.Transactions;

/// <summary>What a party can ask to do with a funded trade; each is one contract function.</summary>
public enum TradeAction
{
    MarkPaid,
    Release,
    Cancel,
    Dispute,
}
