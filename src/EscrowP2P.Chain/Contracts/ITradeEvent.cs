using Nethereum.ABI.FunctionEncoding.Attributes;

namespace EscrowP2P.Chain.Contracts;

/// <summary>An escrow event about one trade: its first argument is the trade's id, indexed.</summary>
public interface ITradeEvent : IEventDTO
{
    byte[] TradeId { get; }
}
