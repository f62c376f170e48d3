namespace EscrowP2P.Core.Trades;

/// <summary>What <see cref="TradeActionPolicy"/> says about a caller's action on a trade in its current state.</summary>
public enum ActionDecision
{
    Allowed,
    NotAParty,
    WrongParty,
    WrongState,
}
