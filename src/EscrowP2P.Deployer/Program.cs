using EscrowP2P.Deployer;
using Microsoft.Extensions.Configuration;

// Usage: EscrowP2P.Deployer --Chain:RpcUrl http://chain:8545 --Deployer:OutputFile /deployment/chain.json
// (or the same keys as environment variables: Chain__RpcUrl, Deployer__OutputFile, Deployer__AdminPrivateKey).
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
try
{
    var settings = DeployerSettings.From(configuration);
    using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
    var outcome = await ChainSettingsDeployment.RunAsync(settings, Console.Out, cancel.Token);
    Console.WriteLine(outcome);
    return 0;
}
catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or OperationCanceledException)
{
    Console.Error.WriteLine($"deployment failed: {ex.Message}");
    return 1;
}
