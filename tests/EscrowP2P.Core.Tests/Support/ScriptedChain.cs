using EscrowP2P.Chain.Events;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;

namespace EscrowP2P.Core.Tests.Support;

/// <summary>
/// A chain held in memory and read the way the node is read: blocks are mined with escrow events, and a reorg drops
/// the newest blocks so that the next ones mined take their heights with other hashes. Like a node, it still answers
/// the logs of an orphaned block asked for by hash. Safe to mine while ingestors read it.
/// </summary>
public sealed class ScriptedChain : IEscrowLogReader
{
    public const string EscrowAddress = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

    private readonly List<ScriptedBlock> _canonical = [];
    private readonly Dictionary<string, ScriptedBlock> _everMined = [];
    private readonly Lock _gate = new();
    private int _fork;

    public ScriptedChain() => Append([]);

    public long Head
    {
        get
        {
            lock (_gate) return _canonical.Count - 1;
        }
    }

    public ScriptedBlock this[long number]
    {
        get
        {
            lock (_gate) return _canonical[(int)number];
        }
    }

    /// <summary>When set, eth_getLogs over more blocks than this is refused, as nodes refuse too wide a range.</summary>
    public int? WidestLogRange { get; set; }

    /// <summary>Every block range whose logs were asked for, in order.</summary>
    public List<(long From, long To)> LogRangesRead { get; } = [];

    /// <summary>Mines one block holding these events, in this order.</summary>
    public ScriptedBlock Mine(params IEventDTO[] events) => Append(events);

    public void MineEmpty(int count)
    {
        for (var i = 0; i < count; i++) Append([]);
    }

    /// <summary>Drops the canonical blocks from <paramref name="fromNumber"/> on and returns them; blocks mined next are a new fork.</summary>
    public IReadOnlyList<ScriptedBlock> Reorg(long fromNumber)
    {
        lock (_gate) return ReorgLocked(fromNumber);
    }

    private List<ScriptedBlock> ReorgLocked(long fromNumber)
    {
        var dropped = _canonical.Skip((int)fromNumber).ToList();
        _canonical.RemoveRange((int)fromNumber, _canonical.Count - (int)fromNumber);
        _fork++;
        return dropped;
    }

    /// <summary>Makes blocks dropped by an earlier reorg canonical again, replacing whatever stands at their heights.</summary>
    public void Restore(IReadOnlyList<ScriptedBlock> blocks)
    {
        lock (_gate) RestoreLocked(blocks);
    }

    private void RestoreLocked(IReadOnlyList<ScriptedBlock> blocks)
    {
        var first = blocks[0];
        _canonical.RemoveRange((int)first.Number, _canonical.Count - (int)first.Number);
        if (_canonical[^1].Hash != first.ParentHash) throw new InvalidOperationException($"block {first.Number} does not follow the chain's block {first.Number - 1}");
        _canonical.AddRange(blocks);
        _fork++;
    }

    public Task<long> GetHeadAsync(CancellationToken cancellationToken) => Task.FromResult(Head);

    public Task<BlockHeader?> GetHeaderAsync(long number, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(number >= 0 && number < _canonical.Count ? Header(_canonical[(int)number]) : null);
    }

    public async Task<BlockHeader?[]> GetHeadersAsync(long fromBlock, long toBlock, CancellationToken cancellationToken) =>
        await Task.WhenAll(Enumerable.Range(0, (int)(toBlock - fromBlock + 1)).Select(i => GetHeaderAsync(fromBlock + i, cancellationToken)));

    public Task<FilterLog[]> GetLogsAsync(long fromBlock, long toBlock, CancellationToken cancellationToken)
    {
        lock (_gate) return GetLogsLocked(fromBlock, toBlock);
    }

    private Task<FilterLog[]> GetLogsLocked(long fromBlock, long toBlock)
    {
        if (toBlock - fromBlock + 1 > WidestLogRange) throw new RpcResponseException(new RpcError(-32005, "query exceeds the block range limit"));
        LogRangesRead.Add((fromBlock, toBlock));
        return Task.FromResult(_canonical.Where(b => b.Number >= fromBlock && b.Number <= toBlock).SelectMany(b => b.Logs).ToArray());
    }

    public Task<FilterLog[]> GetLogsAsync(string blockHash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _everMined.TryGetValue(blockHash, out var block)
                ? Task.FromResult(block.Logs.ToArray())
                : throw new RpcResponseException(new RpcError(-32000, $"unknown block {blockHash}"));
        }
    }

    private ScriptedBlock Append(IEventDTO[] events)
    {
        lock (_gate) return AppendLocked(events);
    }

    private ScriptedBlock AppendLocked(IEventDTO[] events)
    {
        var number = _canonical.Count;
        var hash = HashOf($"block {number} fork {_fork}");
        var parentHash = number == 0 ? HashOf("genesis parent") : _canonical[^1].Hash;
        var logs = events.Select((e, index) => Log(e, number, hash, index)).ToList();
        var block = new ScriptedBlock(number, hash, parentHash, logs);
        _canonical.Add(block);
        _everMined[hash] = block;
        return block;
    }

    private static FilterLog Log(IEventDTO dto, long blockNumber, string blockHash, int logIndex)
    {
        var (topics, data) = EscrowLogEncoder.Encode(dto);
        return new FilterLog
        {
            Address = EscrowAddress,
            BlockNumber = new HexBigInteger(blockNumber),
            BlockHash = blockHash,
            TransactionHash = HashOf($"{blockHash} tx {logIndex}"),
            TransactionIndex = new HexBigInteger(logIndex),
            LogIndex = new HexBigInteger(logIndex),
            Topics = topics,
            Data = data,
        };
    }

    private static BlockHeader Header(ScriptedBlock block) => new(block.Number, block.Hash, block.ParentHash, 1_700_000_000 + block.Number * 12);

    private static string HashOf(string text) => "0x" + Sha3Keccack.Current.CalculateHash(text);
}
