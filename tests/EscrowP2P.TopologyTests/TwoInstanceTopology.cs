using System.Globalization;
using System.Security.Cryptography;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;
using EscrowP2P.TestSupport.Servers;

namespace EscrowP2P.TopologyTests;

/// <summary>
/// docker-compose.yml's topology from real binaries on free loopback ports: a chain node (this class's anvil), the
/// one-shot deployer, PostgreSQL, Redis, two API processes configured as in production, and nginx in front of them
/// with the deployment's own template. One per test class; everything is stopped afterwards.
/// </summary>
public sealed class TwoInstanceTopology : AnvilFixture
{
    public const string SiweDomain = EscrowApiFixture.SiweDomain;

    private readonly string _deploymentFile = Path.Combine(Path.GetTempPath(), $"escrowp2p-chain-{Guid.NewGuid():N}.json");
    private readonly string _jwtSigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    private PostgresServer? _postgres;
    private string? _databaseConnectionString;

    public RedisServer Redis { get; private set; } = null!;
    public NginxServer Proxy { get; private set; } = null!;
    public ApiProcess First { get; private set; } = null!;
    public ApiProcess Second { get; private set; } = null!;
    public DevDeployment Deployment { get; private set; } = null!;
    public IReadOnlyList<ApiProcess> Instances => [First, Second];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Deployment = await RunDeployerAsync();
        _postgres = await PostgresServer.SharedAsync();
        _databaseConnectionString = await _postgres.CreateDatabaseAsync("topology");
        Redis = await RedisServer.StartAsync();
        // One after the other: the first creates the schema, so the second's start shows a migrated database is fine.
        First = await ApiProcess.StartAsync("api-1", Settings());
        Second = await ApiProcess.StartAsync("api-2", Settings());
        Proxy = await NginxServer.StartAsync(First.BaseAddress, Second.BaseAddress);
    }

    public override async Task DisposeAsync()
    {
        if (Proxy is not null) await Proxy.DisposeAsync();
        if (First is not null) await First.DisposeAsync();
        if (Second is not null) await Second.DisposeAsync();
        if (Redis is not null) await Redis.DisposeAsync();
        if (_postgres is not null && _databaseConnectionString is not null) await _postgres.DropDatabaseAsync(_databaseConnectionString);
        File.Delete(_deploymentFile);
        await base.DisposeAsync();
    }

    /// <summary>Everything the API processes are given, as the compose file gives it (environment variables).</summary>
    private Dictionary<string, string> Settings() => new()
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = _databaseConnectionString!,
        ["Redis:ConnectionString"] = Redis.ConnectionString,
        ["Chain:RpcUrl"] = Node.RpcUrl,
        ["Chain:WebSocketUrl"] = Node.WebSocketUrl,
        ["Chain:SettingsFile"] = _deploymentFile,
        ["Chain:ReceiptTimeoutSeconds"] = "60",
        ["Auth:Domains:0"] = SiweDomain,
        ["Auth:JwtSigningKey"] = _jwtSigningKey,
        ["Auth:PermitsPerMinute"] = "6000",
        ["RateLimits:PreparesPerMinute"] = "6000",
        ["RateLimits:OfferChangesPerMinute"] = "6000",
        ["RateLimits:WithdrawalsPerMinute"] = "6000",
        ["RateLimits:TradeJoinsPerMinute"] = "6000",
        ["Moderator:PrivateKey"] = DevAccounts.Moderator.PrivateKey,
        ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        ["Events:PollIntervalMilliseconds"] = "50",
        ["Events:ConfirmationDepth"] = "2",
        ["Serilog:MinimumLevel:Default"] = "Information",
    };

    /// <summary>Runs the deployer program as docker-compose's `deployer` service does; returns what it deployed.</summary>
    private async Task<DevDeployment> RunDeployerAsync()
    {
        var start = ServerProcess.StartInfo("dotnet", [RepositoryPaths.BuiltProgram("EscrowP2P.Deployer")]);
        start.Environment["Chain__RpcUrl"] = Node.RpcUrl;
        start.Environment["Deployer__OutputFile"] = _deploymentFile;
        await ServerProcess.RunToCompletionAsync(start);
        return await ChainSettingsFile.ReadAsync(_deploymentFile, CancellationToken.None)
            ?? throw new InvalidOperationException($"the deployer wrote no deployment to {_deploymentFile}");
    }

    public async Task<long> HeadAsync() => (long)(await Reader.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;

    public string StartBlock => Deployment.DeploymentBlock.ToString(CultureInfo.InvariantCulture);
}
