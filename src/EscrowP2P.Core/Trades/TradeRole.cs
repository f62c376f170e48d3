namespace EscrowP2P.Core.Trades;

/// <summary>Which of the caller's trades a list shows: those they sell, those they buy, or both.</summary>
public enum TradeRole
{
    Any,
    Seller,
    Buyer,
}
