using Microsoft.Extensions.Logging;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.Chain.Events;

/// <summary>
/// The node reads the event listener needs: the head, block headers, and the escrow's logs — of a range of blocks, or
/// of exactly one block by its hash. The node's filtering is not trusted: a log of another contract, or one flagged
/// removed, is dropped with a warning.
/// </summary>
public sealed partial class EscrowLogReader(ChainConnection chain, ILogger<EscrowLogReader> logger) : IEscrowLogReader
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

    public Task<BlockHeader?[]> GetHeadersAsync(long fromBlock, long toBlock, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, (int)(toBlock - fromBlock + 1)).Select(i => GetHeaderAsync(fromBlock + i, cancellationToken)));

    public async Task<FilterLog[]> GetLogsAsync(long fromBlock, long toBlock, CancellationToken cancellationToken) =>
        Screen(await chain.Web3.Eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
        {
            Address = [chain.EscrowAddress],
            FromBlock = new BlockParameter(new HexBigInteger(fromBlock)),
            ToBlock = new BlockParameter(new HexBigInteger(toBlock)),
        }).WaitAsync(cancellationToken));

    public async Task<FilterLog[]> GetLogsAsync(string blockHash, CancellationToken cancellationToken) =>
        Screen(await chain.Client.SendRequestAsync<FilterLog[]>("eth_getLogs", null, new BlockHashLogFilter([chain.EscrowAddress], blockHash))
            .WaitAsync(cancellationToken));

    private FilterLog[] Screen(FilterLog[] logs) => logs.Where(IsEscrowLog).ToArray();

    private bool IsEscrowLog(FilterLog log)
    {
        if (!EthereumAddress.AreSame(log.Address, chain.EscrowAddress))
        {
            LogForeignLog(log.Address, Number(log.BlockNumber), log.TransactionHash, Number(log.LogIndex));
            return false;
        }
        if (log.Removed)
        {
            LogRemovedLog(Number(log.BlockNumber), log.TransactionHash, Number(log.LogIndex));
            return false;
        }
        return true;
    }

    private static long? Number(HexBigInteger? value) => value is null ? null : (long)value.Value;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a log from {Address}, not the escrow, that the node returned for the escrow's filter (block {BlockNumber}, transaction {TransactionHash}, log {LogIndex})")]
    private partial void LogForeignLog(string? address, long? blockNumber, string? transactionHash, long? logIndex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a log the node flagged removed (block {BlockNumber}, transaction {TransactionHash}, log {LogIndex})")]
    private partial void LogRemovedLog(long? blockNumber, string? transactionHash, long? logIndex);
}
