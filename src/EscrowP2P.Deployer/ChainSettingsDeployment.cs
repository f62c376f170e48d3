using EscrowP2P.DevChain;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace EscrowP2P.Deployer;

/// <summary>
/// Deploys the development contracts once and writes the Chain settings that describe them. Run again (a container
/// restart), it finds the escrow of its earlier run still on the node and leaves everything as it is.
/// </summary>
public static class ChainSettingsDeployment
{
    private static readonly TimeSpan NodeWait = TimeSpan.FromSeconds(60);

    public static async Task<string> RunAsync(DeployerSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        var reader = new Web3(settings.RpcUrl);
        var chainId = await WaitForNodeAsync(reader, log, cancellationToken);

        var existing = await ChainSettingsFile.ReadAsync(settings.OutputFile, cancellationToken);
        if (existing is not null && await DevChainDeployer.IsDeployedAsync(reader, existing))
        {
            return $"the escrow at {existing.EscrowAddress} is deployed already; {settings.OutputFile} kept";
        }

        var admin = new Web3(new Account(settings.AdminPrivateKey, chainId), settings.RpcUrl);
        admin.TransactionReceiptPolling.SetPollingRetryIntervalInMilliseconds(100);
        var deployment = await DevChainDeployer.DeployAsync(admin, cancellationToken: cancellationToken);
        await ChainSettingsFile.WriteAsync(settings.OutputFile, chainId, deployment, cancellationToken);
        return $"deployed the escrow at {deployment.EscrowAddress} and tUSD at {deployment.StablecoinAddress} (block {deployment.DeploymentBlock}); wrote {settings.OutputFile}";
    }

    private static async Task<long> WaitForNodeAsync(Web3 reader, TextWriter log, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(NodeWait);
        while (true)
        {
            try
            {
                return (long)(await reader.Eth.ChainId.SendRequestAsync()).Value;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !deadline.IsCancellationRequested)
            {
                await log.WriteLineAsync("waiting for the node…");
                await Task.Delay(TimeSpan.FromSeconds(1), deadline.Token);
            }
        }
    }
}
