using EscrowP2P.Chain.Errors;
using Microsoft.Extensions.Logging;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.Chain.Events;

/// <summary>
/// Reads the blocks after the cursor so that their logs and the new cursor provably describe one chain.
/// <para>
/// Recent blocks, where a reorg can still happen: the cursor's and every new block's header first, all at once,
/// checked to link parent by parent from the cursor; then each block's logs by its hash (EIP-234), each log checked
/// to claim that block. The new cursor is a header read before the logs, so a chain that changes after these reads
/// leaves a cursor the next step finds orphaned, and never events of one chain under a cursor of another.
/// </para>
/// Older blocks (catching up on history) are read by range: the cursor's and the last block's headers, then the logs.
/// </summary>
public sealed partial class BlockBatchReader(IEscrowLogReader reader, ILogger<BlockBatchReader> logger)
{
    public async Task<BlockBatchRead> ReadRecentAsync(long cursorNumber, string cursorHash, long to, CancellationToken cancellationToken)
    {
        var headers = await reader.GetHeadersAsync(cursorNumber, to, cancellationToken);
        if (headers[0]?.Hash != cursorHash) return new CursorOrphaned();
        for (var i = 1; i < headers.Length; i++)
        {
            if (headers[i] is not { } header) return new NoConsistentView($"the node announced block {to} but has no block {cursorNumber + i}");
            if (header.ParentHash != headers[i - 1]!.Hash) return new NoConsistentView($"block {header.Number} does not follow the block {header.Number - 1} read with it: the chain moved");
        }

        var blocks = headers.Skip(1).Select(h => h!).ToList();
        FilterLog[][] logs;
        try
        {
            logs = await Task.WhenAll(blocks.Select(b => reader.GetLogsAsync(b.Hash, cancellationToken)));
        }
        catch (RpcResponseException ex)
        {
            // Its log server may not have the block its head server announced yet, or the block is gone already.
            return new NoConsistentView($"the node gave no logs for a block it announced ({ex.Message})");
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            if (logs[i].FirstOrDefault(log => !Claims(log, blocks[i])) is { } stray)
            {
                LogStrayLog(blocks[i].Number, blocks[i].Hash, (long?)stray.BlockNumber?.Value, stray.BlockHash);
                return new NoConsistentView($"the node answered logs of another block for block {blocks[i].Number}");
            }
        }
        return new BlockBatch(blocks, logs.SelectMany(l => l).ToList());
    }

    /// <summary>Blocks deeper than any reorg considered; a node that refuses the range throws a <see cref="NodeRefusedException"/>.</summary>
    public async Task<BlockBatchRead> ReadOlderAsync(long cursorNumber, string cursorHash, long to, CancellationToken cancellationToken)
    {
        try
        {
            var ends = await Task.WhenAll(reader.GetHeaderAsync(cursorNumber, cancellationToken), reader.GetHeaderAsync(to, cancellationToken));
            if (ends[0]?.Hash != cursorHash) return new CursorOrphaned();
            if (ends[1] is not { } last) return new NoConsistentView($"the node has no block {to}");
            var logs = await reader.GetLogsAsync(cursorNumber + 1, to, cancellationToken);
            return new BlockBatch([last], logs);
        }
        catch (RpcResponseException ex)
        {
            throw new NodeRefusedException(ex.Message, ex);
        }
    }

    private static bool Claims(FilterLog log, BlockHeader block) =>
        log.BlockNumber?.Value == block.Number && string.Equals(log.BlockHash, block.Hash, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asked for the logs of block {BlockNumber} {BlockHash}, the node answered one of block {LogBlockNumber} {LogBlockHash}; reading again")]
    private partial void LogStrayLog(long blockNumber, string blockHash, long? logBlockNumber, string? logBlockHash);
}
