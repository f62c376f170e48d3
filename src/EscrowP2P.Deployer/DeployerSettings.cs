using EscrowP2P.DevChain;
using Microsoft.Extensions.Configuration;

namespace EscrowP2P.Deployer;

/// <param name="RpcUrl">The node to deploy on (Chain:RpcUrl).</param>
/// <param name="OutputFile">Where the Chain settings for the API go (Deployer:OutputFile).</param>
/// <param name="AdminPrivateKey">The deploying admin's key (Deployer:AdminPrivateKey); anvil's public development
/// key #0 when unset, which only a local chain funds.</param>
public sealed record DeployerSettings(string RpcUrl, string OutputFile, string AdminPrivateKey)
{
    public static DeployerSettings From(IConfiguration configuration) => new(
        Required(configuration, "Chain:RpcUrl"),
        Required(configuration, "Deployer:OutputFile"),
        configuration["Deployer:AdminPrivateKey"] is { Length: > 0 } key ? key : DevAccounts.Admin.PrivateKey);

    private static string Required(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value ? value : throw new InvalidOperationException($"{key} is required.");
}
