using EscrowP2P.Chain;
using EscrowP2P.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EscrowP2P.Api.Infrastructure;

/// <summary>Ready only when the database answers.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<EscrowDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("the database does not answer");
    }
}

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
