using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.Chain.Events;

/// <summary>The node reads the event listener needs: the head, block headers, and the escrow's logs in a range.</summary>
public sealed class EscrowLogReader(ChainConnection chain)
{
    public async Task<long> GetHeadAsync(CancellationToken cancellationToken) =>
        (long)(await chain.Web3.Eth.Blocks.GetBlockNumber.SendRequestAsync().WaitAsync(cancellationToken)).Value;

    public async Task<BlockHeader?> GetHeaderAsync(long number, CancellationToken cancellationToken)
    {
        var block = await chain.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber
            .SendRequestAsync(new BlockParameter(new HexBigInteger(number))).WaitAsync(cancellationToken);
        return block is null
            ? null
            : new BlockHeader(number, block.BlockHash.ToLowerInvariant(), block.ParentHash.ToLowerInvariant(), (long)block.Timestamp.Value);
    }

    public async Task<FilterLog[]> GetLogsAsync(long fromBlock, long toBlock, CancellationToken cancellationToken) =>
        await chain.Web3.Eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
        {
            Address = [chain.EscrowAddress],
            FromBlock = new BlockParameter(new HexBigInteger(fromBlock)),
            ToBlock = new BlockParameter(new HexBigInteger(toBlock)),
        }).WaitAsync(cancellationToken);
}
