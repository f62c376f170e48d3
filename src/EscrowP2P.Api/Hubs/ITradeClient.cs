using EscrowP2P.Core.Events;

namespace EscrowP2P.Api.Hubs;

/// <summary>What the server calls on connected browsers.</summary>
public interface ITradeClient
{
    /// <summary>An event of a trade was seen, confirmed, or removed by a reorg. Ordered per trade by <c>seq</c>.</summary>
    Task TradeUpdated(TradeUpdate update);
}
