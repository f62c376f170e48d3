using EscrowP2P.Chain.Contracts;

namespace EscrowP2P.Chain.Events;

/// <summary>
/// One escrow log, decoded against the compiled ABI: its name, its arguments as strings (amounts in decimal,
/// addresses EIP-55, bytes32 as 0x-hex) and where it sits in the chain.
/// </summary>
public sealed record DecodedEscrowEvent(
    string Name,
    TradeId? TradeId,
    IReadOnlyDictionary<string, string> Arguments,
    long BlockNumber,
    string BlockHash,
    string TransactionHash,
    int LogIndex);
