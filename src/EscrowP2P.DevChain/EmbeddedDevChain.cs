using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using EscrowP2P.Chain;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace EscrowP2P.DevChain;

/// <summary>
/// The embedded development default: with no Chain:RpcUrl configured (in Development, or with DevChain:Enabled),
/// the service runs its own anvil, deploys the escrow and the test stablecoin (once; the chain is saved in the data
/// folder and reused on the next start), grants the development moderator its role, and stops the node when the
/// service stops.
/// </summary>
public sealed partial class EmbeddedDevChain(AnvilNode node, DevDeployment deployment, IServer server, IHostApplicationLifetime lifetime, ILogger<EmbeddedDevChain> logger)
    : IHostedService
{
    private const string DatabaseFileName = "escrowp2p.db";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(PrintBanner);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => node.StopAsync();

    private void PrintBanner()
    {
        var urls = string.Join(", ", server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        var escrow = EthereumAddress.Checksum(deployment.EscrowAddress);
        var stablecoin = EthereumAddress.Checksum(deployment.StablecoinAddress);
        LogBanner(urls, node.ChainId, node.RpcUrl, escrow, stablecoin);
        foreach (var account in DevAccounts.All)
        {
            var role = account == DevAccounts.Admin ? "admin" : account == DevAccounts.Moderator ? "moderator" : account == DevAccounts.FeeRecipient ? "fee recipient" : "trader";
            LogAccount(account.Index, account.Address, role);
        }
    }

    public static async Task AddIfNoChainConfiguredAsync(WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Chain:RpcUrl"])) return;
        // Outside Development a missing RPC URL is a configuration mistake, not a request for a throw-away chain
        // with a publicly known moderator key: options validation then refuses to start.
        if (!builder.Environment.IsDevelopment() && !builder.Configuration.GetValue("DevChain:Enabled", false)) return;

        var dataDirectory = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["DevChain:DataDirectory"] ?? "data");
        Directory.CreateDirectory(dataDirectory);
        var port = int.Parse(builder.Configuration["DevChain:Port"] ?? "8545", CultureInfo.InvariantCulture);
        var node = await StartNodeAsync(port, Path.Combine(dataDirectory, "devchain-state.json"));

        var deploymentFile = Path.Combine(dataDirectory, "devchain-deployment.json");
        var deployment = await ReuseDeploymentAsync(node, deploymentFile);
        if (deployment is null)
        {
            var admin = new Web3(new Account(DevAccounts.Admin.PrivateKey, node.ChainId), node.RpcUrl);
            admin.TransactionReceiptPolling.SetPollingRetryIntervalInMilliseconds(20);
            deployment = await DevChainDeployer.DeployAsync(admin);
            await File.WriteAllTextAsync(deploymentFile, JsonSerializer.Serialize(deployment));
            // A database from an earlier chain would describe trades this chain has never seen.
            foreach (var stale in Directory.GetFiles(dataDirectory, DatabaseFileName + "*")) File.Delete(stale);
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Chain:RpcUrl"] = node.RpcUrl,
            ["Chain:WebSocketUrl"] = node.WebSocketUrl,
            ["Chain:ChainId"] = node.ChainId.ToString(CultureInfo.InvariantCulture),
            ["Chain:EscrowAddress"] = deployment.EscrowAddress,
            ["Chain:StartBlock"] = deployment.DeploymentBlock.ToString(CultureInfo.InvariantCulture),
            ["Chain:Tokens:0:Symbol"] = "tUSD",
            ["Chain:Tokens:0:Address"] = deployment.StablecoinAddress,
            ["Chain:Tokens:0:Decimals"] = "6",
            ["Database:ConnectionString"] = builder.Configuration["Database:ConnectionString"] ?? $"Data Source={Path.Combine(dataDirectory, DatabaseFileName)}",
            // anvil's public development key #1, which holds MODERATOR_ROLE on this chain only.
            ["Moderator:PrivateKey"] = builder.Configuration["Moderator:PrivateKey"] ?? DevAccounts.Moderator.PrivateKey,
        });
        builder.Services.AddSingleton(node);
        builder.Services.AddSingleton(deployment);
        builder.Services.AddHostedService<EmbeddedDevChain>();
    }

    private static async Task<AnvilNode> StartNodeAsync(int port, string statePath)
    {
        try
        {
            return await AnvilNode.StartAsync(new AnvilOptions { Port = port, StatePath = statePath, StateIntervalSeconds = 5 });
        }
        catch (InvalidOperationException) when (port != 0)
        {
            // The usual port is taken (another node?): run on a free one instead.
            return await AnvilNode.StartAsync(new AnvilOptions { Port = 0, StatePath = statePath, StateIntervalSeconds = 5 });
        }
    }

    private static async Task<DevDeployment?> ReuseDeploymentAsync(AnvilNode node, string deploymentFile)
    {
        if (!File.Exists(deploymentFile)) return null;
        var saved = JsonSerializer.Deserialize<DevDeployment>(await File.ReadAllTextAsync(deploymentFile));
        return saved is not null && await DevChainDeployer.IsDeployedAsync(new Web3(node.RpcUrl), saved) ? saved : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = """
        EscrowP2P is running on the embedded development chain.
          API:            {Urls}
          Chain id:       {ChainId}
          RPC / WS:       {RpcUrl}
          P2PEscrow:      {EscrowAddress}
          tUSD (6 dec.):  {StablecoinAddress}
          Dev accounts are anvil's defaults (mnemonic "test test ... junk"); import a trader's key into your wallet.
        """)]
    private partial void LogBanner(string urls, long chainId, string rpcUrl, string escrowAddress, string stablecoinAddress);

    [LoggerMessage(Level = LogLevel.Information, Message = "  account #{Index} {Address} ({Role})")]
    private partial void LogAccount(int index, string address, string role);
}
