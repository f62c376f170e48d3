using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using EscrowP2P.Api.Infrastructure;
using EscrowP2P.Core.Events;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport.Servers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.TestSupport;

/// <summary>
/// The real app on a real Kestrel loopback port, against this class's own anvil (with the escrow and stablecoin
/// deployed) and its own database: a SQLite file, or a fresh database in the test run's PostgreSQL server when the
/// test assembly says so (<see cref="TestDatabaseAttribute"/>). One per test class.
/// </summary>
public class EscrowApiFixture : AnvilFixture
{
    private WebApplicationFactory<Program>? _factory;
    private Dictionary<string, string?> _settings = [];
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"escrowp2p-test-{Guid.NewGuid():N}.db");
    private PostgresServer? _postgres;
    private string? _postgresDatabase;

    public DevDeployment Deployment { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => Factory.Services;
    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("the app has not started");

    /// <summary>The domain SIWE messages must name to be accepted by this app.</summary>
    public const string SiweDomain = "escrowp2p.test";

    /// <summary>The database the app runs on.</summary>
    public DatabaseProvider DatabaseProvider { get; } = TestDatabaseAttribute.OfThisTestRun();

    /// <summary>The hosting environment the app runs in; "Testing" unless a fixture needs production's defaults.</summary>
    protected virtual string EnvironmentName => "Testing";

    protected virtual void Configure(IDictionary<string, string?> settings) { }

    /// <summary>Deploys or configures more on the chain before the app starts, adding the settings that describe it.</summary>
    protected virtual Task PrepareChainAsync(IDictionary<string, string?> settings) => Task.CompletedTask;

    /// <summary>Adds or replaces services of the app under test (e.g. a log sink that records what is logged).</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    /// <summary>Adds configuration sources of the test's own, e.g. one it changes while the app runs.</summary>
    protected virtual void ConfigureAppConfiguration(IConfigurationBuilder configuration) { }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Deployment = await DeployDevContractsAsync();

        var settings = new Dictionary<string, string?>
        {
            ["Chain:RpcUrl"] = Node.RpcUrl,
            ["Chain:WebSocketUrl"] = Node.WebSocketUrl,
            ["Chain:ChainId"] = Node.ChainId.ToString(CultureInfo.InvariantCulture),
            ["Chain:EscrowAddress"] = Deployment.EscrowAddress,
            ["Chain:StartBlock"] = Deployment.DeploymentBlock.ToString(CultureInfo.InvariantCulture),
            ["Chain:Tokens:0:Symbol"] = "tUSD",
            ["Chain:Tokens:0:Address"] = Deployment.StablecoinAddress,
            ["Chain:Tokens:0:Decimals"] = "6",
            ["Chain:ReceiptTimeoutSeconds"] = "30",
            ["Moderator:PrivateKey"] = DevAccounts.Moderator.PrivateKey,
            ["Database:Provider"] = DatabaseProvider.ToString(),
            ["Database:ConnectionString"] = await CreateDatabaseAsync(),
            ["Auth:Domains:0"] = SiweDomain,
            ["Auth:JwtSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["Auth:PermitsPerMinute"] = "1000",
            ["RateLimits:PreparesPerMinute"] = "1000",
            ["RateLimits:OfferChangesPerMinute"] = "1000",
            ["RateLimits:WithdrawalsPerMinute"] = "1000",
            ["RateLimits:TradeJoinsPerMinute"] = "1000",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Events:PollIntervalMilliseconds"] = "20",
            ["Events:ConfirmationDepth"] = "2",
        };
        Configure(settings);
        await PrepareChainAsync(settings);
        _settings = settings;
        StartApp();
    }

    /// <summary>Starts the app (again) on the same database and chain, as a restart of the process would.</summary>
    public void StartApp()
    {
        _factory = StartInstance();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
    }

    /// <summary>Starts one more instance of the app on the same database and chain, as a second process would; dispose it to stop it.</summary>
    public WebApplicationFactory<Program> StartAnotherInstance() => StartInstance();

    private WebApplicationFactory<Program> StartInstance()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(EnvironmentName);
            web.UseUrls("http://127.0.0.1:0");
            foreach (var (key, value) in _settings) web.UseSetting(key, value);
            web.ConfigureAppConfiguration((_, configuration) => ConfigureAppConfiguration(configuration));
            web.ConfigureServices(ConfigureServices);
        });
        factory.UseKestrel();
        try
        {
            factory.StartServer();
            return factory;
        }
        catch
        {
            factory.Dispose();
            throw;
        }
    }

    /// <summary>Stops the app gracefully; the database and the chain stay.</summary>
    public async Task StopAppAsync()
    {
        if (_factory is null) return;
        await _factory.DisposeAsync();
        _factory = null;
    }

    /// <summary>Deletes the app's database (stop the app first): the next start begins from an empty store.</summary>
    public async Task DeleteDatabaseAsync()
    {
        if (_factory is not null) throw new InvalidOperationException("stop the app before deleting its database");
        await DropDatabaseAsync();
        _settings["Database:ConnectionString"] = await CreateDatabaseAsync();
    }

    public override async Task DisposeAsync()
    {
        await StopAppAsync();
        await base.DisposeAsync();
        await DropDatabaseAsync();
    }

    /// <summary>A connection string to an empty database of the fixture's provider.</summary>
    private async Task<string> CreateDatabaseAsync()
    {
        if (DatabaseProvider == DatabaseProvider.Sqlite) return $"Data Source={_databasePath}";
        _postgres ??= await PostgresServer.SharedAsync();
        return _postgresDatabase = await _postgres.CreateDatabaseAsync();
    }

    private async Task DropDatabaseAsync()
    {
        if (_postgres is not null && _postgresDatabase is not null)
        {
            await _postgres.DropDatabaseAsync(_postgresDatabase);
            _postgresDatabase = null;
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_databasePath) + "*")) File.Delete(file);
    }

    /// <summary>Completes once the app has stored every escrow event up to the chain's current head.</summary>
    public async Task WaitForIngestionAsync()
    {
        var head = await Reader.Eth.Blocks.GetBlockNumber.SendRequestAsync();
        await WaitForIngestionAsync((long)head.Value);
    }

    public Task WaitForIngestionAsync(long blockNumber) =>
        Services.GetRequiredService<IngestionProgress>().WaitForBlockAsync(blockNumber).WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>The wallet signs and sends exactly this unsigned transaction; returns once the app ingested its block.</summary>
    public async Task<TransactionReceipt> SignAndSendAsync(DevAccount account, JsonElement unsignedTransaction)
    {
        var receipt = await Wallet.SignAndSendAsync(this, account, unsignedTransaction);
        await WaitForIngestionAsync((long)receipt.BlockNumber.Value);
        return receipt;
    }

    /// <summary>An anonymous client talking to the app over real HTTP.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };
}
