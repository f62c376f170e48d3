namespace EscrowP2P.Chain;

/// <summary>A trade's two parties, as the chain reports them or as the store keeps them.</summary>
public interface ITradeParties
{
    string Seller { get; }
    string Buyer { get; }
}

/// <summary>Who an address is in a trade: the one "is a party" rule.</summary>
public static class TradeParties
{
    public static bool IsSeller(this ITradeParties trade, string address) => EthereumAddress.AreSame(trade.Seller, address);

    public static bool IsBuyer(this ITradeParties trade, string address) => EthereumAddress.AreSame(trade.Buyer, address);

    public static bool IsParty(this ITradeParties trade, string address) => trade.IsSeller(address) || trade.IsBuyer(address);
}
