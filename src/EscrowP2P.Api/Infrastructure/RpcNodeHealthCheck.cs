using EscrowP2P.Chain;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EscrowP2P.Api.Infrastructure;

/// <summary>Ready only when the Ethereum node answers; reports its latest block.</summary>
public sealed class RpcNodeHealthCheck(ChainConnection chain) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var block = await chain.Web3.Eth.Blocks.GetBlockNumber.SendRequestAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy(data: new Dictionary<string, object> { ["latestBlock"] = (long)block.Value });
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the Ethereum node does not answer");
        }
    }
}
