using EscrowP2P.Chain.Contracts;
using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.Chain.Events;

/// <summary>Decodes the escrow's logs into its typed trade events (<see cref="TradeEvents"/>).</summary>
public static class EscrowEventDecoder
{
    /// <summary>Null for logs that are not about a trade (role changes and withdrawals are events too, but not ours to project).</summary>
    public static DecodedTradeEvent? Decode(FilterLog log) =>
        TradeEvents.Decode(log) is { } e
            ? new DecodedTradeEvent(
                TradeId.FromBytes(e.TradeId),
                e,
                (long)log.BlockNumber.Value,
                log.BlockHash.ToLowerInvariant(),
                log.TransactionHash.ToLowerInvariant(),
                (int)log.LogIndex.Value)
            : null;
}
