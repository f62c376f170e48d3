using EscrowP2P.Chain.Contracts;

namespace EscrowP2P.Chain.Events;

/// <summary>An escrow event about a trade, decoded from its log, and where that log sits in the chain.</summary>
public sealed record DecodedTradeEvent(
    TradeId TradeId,
    ITradeEvent Event,
    long BlockNumber,
    string BlockHash,
    string TransactionHash,
    int LogIndex)
{
    /// <summary>The event's name, as the contract declares it.</summary>
    public string Name => TradeEvents.NameOf(Event);
}
