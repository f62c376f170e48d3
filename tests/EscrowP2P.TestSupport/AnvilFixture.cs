using System.Numerics;
using EscrowP2P.DevChain;
using Nethereum.Hex.HexTypes;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using Xunit;

namespace EscrowP2P.TestSupport;

/// <summary>
/// One real anvil node per test class (use as <c>IClassFixture&lt;AnvilFixture&gt;</c>): started before the first
/// test, always stopped after the last, even when tests fail. Classes never share a chain.
/// </summary>
public class AnvilFixture : IAsyncLifetime
{
    private readonly Dictionary<string, Web3> _web3ByAddress = new(StringComparer.OrdinalIgnoreCase);
    private AnvilNode? _node;

    public AnvilNode Node => _node ?? throw new InvalidOperationException("anvil has not been started");

    protected virtual AnvilOptions Options => new();

    public virtual async Task InitializeAsync() => _node = await AnvilNode.StartAsync(Options);

    /// <summary>
    /// Stops the node and starts it again on the same port: gracefully (it writes its state file, if any), or killed
    /// like a crash (the state file keeps only what an earlier graceful stop wrote).
    /// </summary>
    public async Task RestartNodeAsync(Func<Task>? whileDown = null, bool kill = false)
    {
        var port = Node.Port;
        if (kill) await Node.KillAsync();
        else await Node.StopAsync();
        if (whileDown is not null) await whileDown();
        _node = await AnvilNode.StartAsync(Options with { Port = port });
        // Accounts track their nonces in memory; a node that lost blocks expects lower ones again.
        lock (_web3ByAddress) _web3ByAddress.Clear();
    }

    public virtual async Task DisposeAsync()
    {
        if (_node is not null) await _node.StopAsync();
    }

    /// <summary>A Web3 that signs as <paramref name="account"/>, on this node's chain id.</summary>
    public Web3 Web3For(DevAccount account) => Web3For(account.PrivateKey);

    public Web3 Web3For(string privateKey)
    {
        lock (_web3ByAddress)
        {
            var account = new Account(privateKey, Node.ChainId);
            if (!_web3ByAddress.TryGetValue(account.Address, out var web3))
            {
                web3 = new Web3(account, Node.RpcUrl);
                web3.TransactionReceiptPolling.SetPollingRetryIntervalInMilliseconds(10);
                _web3ByAddress[account.Address] = web3;
            }
            return web3;
        }
    }

    /// <summary>A read-only client (no account).</summary>
    public Web3 Reader => Web3For(DevAccounts.Admin);

    public async Task<BigInteger> EthBalanceAsync(string address) =>
        (await Reader.Eth.GetBalance.SendRequestAsync(address)).Value;

    public async Task<BigInteger> TokenBalanceAsync(string token, string owner) =>
        await Reader.Eth.ERC20.GetContractService(token).BalanceOfQueryAsync(owner);

    public async Task<ulong> LatestTimestampAsync()
    {
        var block = await Reader.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(Nethereum.RPC.Eth.DTOs.BlockParameter.CreateLatest());
        return (ulong)block.Timestamp.Value;
    }

    /// <summary>Moves the chain's clock forward and mines a block at the new time.</summary>
    public async Task IncreaseTimeAsync(ulong seconds)
    {
        await Reader.Client.SendRequestAsync<object>("evm_increaseTime", null, new HexBigInteger(seconds));
        await MineAsync();
    }

    public Task MineAsync() => Reader.Client.SendRequestAsync<object>("evm_mine");

    public Task<string> SnapshotAsync() => Reader.Client.SendRequestAsync<string>("evm_snapshot");

    public async Task RevertAsync(string snapshotId)
    {
        var reverted = await Reader.Client.SendRequestAsync<bool>("evm_revert", null, snapshotId);
        if (!reverted) throw new InvalidOperationException($"evm_revert {snapshotId} failed");
    }

    /// <summary>Deploys the escrow and the test stablecoin, as the development chain has them.</summary>
    public Task<DevDeployment> DeployDevContractsAsync(DevDeploymentSettings? settings = null) =>
        DevChainDeployer.DeployAsync(Web3For(DevAccounts.Admin), settings);
}
