using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.Chain.Events;

/// <summary>
/// What the event listener reads from the node: the head, block headers and the escrow's logs. <see cref="EscrowLogReader"/>
/// reads them over JSON-RPC; a test scripts them.
/// </summary>
public interface IEscrowLogReader
{
    Task<long> GetHeadAsync(CancellationToken cancellationToken);

    /// <summary>The header of the node's block at this height; null when it has none.</summary>
    Task<BlockHeader?> GetHeaderAsync(long number, CancellationToken cancellationToken);

    /// <summary>The headers of blocks <paramref name="fromBlock"/> to <paramref name="toBlock"/>, asked for all at once; null where the node has none.</summary>
    Task<BlockHeader?[]> GetHeadersAsync(long fromBlock, long toBlock, CancellationToken cancellationToken);

    /// <summary>The escrow's logs in a range of blocks; a node that refuses the range throws an RpcResponseException.</summary>
    Task<FilterLog[]> GetLogsAsync(long fromBlock, long toBlock, CancellationToken cancellationToken);

    /// <summary>
    /// The escrow's logs in the block with this hash (EIP-234), whether or not that block is still canonical. A node
    /// that does not know the block answers an error (an RpcResponseException).
    /// </summary>
    Task<FilterLog[]> GetLogsAsync(string blockHash, CancellationToken cancellationToken);
}
