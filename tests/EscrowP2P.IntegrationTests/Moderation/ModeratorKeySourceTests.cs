using System.Globalization;
using System.Security.Cryptography;
using EscrowP2P.Chain.Transactions;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.UserSecrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EscrowP2P.IntegrationTests.Moderation;

public sealed class DeployedChainFixture : AnvilFixture
{
    public DevDeployment Deployment { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Deployment = await DeployDevContractsAsync();
    }
}

/// <summary>Where Moderator:PrivateKey and the keystore password may come from: never a configuration file; the environment, the command line, user secrets in Development.</summary>
public sealed class ModeratorKeySourceTests(DeployedChainFixture chain) : IClassFixture<DeployedChainFixture>, IDisposable
{
    private static readonly string Key = DevAccounts.Moderator.PrivateKey;
    private readonly List<string> _temporaryFiles = [];
    private readonly List<string> _temporaryFolders = [];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in _temporaryFiles.Where(File.Exists)) File.Delete(path);
        foreach (var path in _temporaryFolders.Where(Directory.Exists)) Directory.Delete(path, recursive: true);
    }

    private string TemporaryFile(string extension, string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"escrowp2p-key-{Guid.NewGuid():N}.{extension}");
        File.WriteAllText(path, content);
        _temporaryFiles.Add(path);
        return path;
    }

    /// <summary>Everything the app needs except the moderator key, which <paramref name="addKeySource"/> provides.</summary>
    private WebApplicationFactory<Program> AppWith(string environment, Action<IConfigurationBuilder> addKeySource)
    {
        var database = Path.Combine(Path.GetTempPath(), $"escrowp2p-key-{Guid.NewGuid():N}.db");
        _temporaryFiles.AddRange([database, database + "-wal", database + "-shm"]);
        var settings = new Dictionary<string, string?>
        {
            ["Chain:RpcUrl"] = chain.Node.RpcUrl,
            ["Chain:ChainId"] = chain.Node.ChainId.ToString(CultureInfo.InvariantCulture),
            ["Chain:EscrowAddress"] = chain.Deployment.EscrowAddress,
            ["Chain:StartBlock"] = chain.Deployment.DeploymentBlock.ToString(CultureInfo.InvariantCulture),
            ["Database:ConnectionString"] = $"Data Source={database}",
            ["Auth:Domains:0"] = "escrowp2p.test",
            ["Auth:JwtSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
        };
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            web.UseUrls("http://127.0.0.1:0");
            foreach (var (key, value) in settings) web.UseSetting(key, value);
            web.ConfigureAppConfiguration((_, config) => addKeySource(config));
        });
        factory.UseKestrel();
        return factory;
    }

    private async Task<string> StartedModeratorAddressAsync(string environment, Action<IConfigurationBuilder> addKeySource)
    {
        await using var app = AppWith(environment, addKeySource);
        app.StartServer();
        return app.Services.GetRequiredService<ModeratorSigner>().Address;
    }

    private async Task<Exception> RefusalAsync(string environment, Action<IConfigurationBuilder> addKeySource)
    {
        await using var app = AppWith(environment, addKeySource);
        var error = Should.Throw<Exception>(app.StartServer);
        error.ToString().ShouldNotContain(Key[2..], customMessage: "the refusal must not print the key");
        return error;
    }

    /// <summary>A user-secrets store with the key, as `dotnet user-secrets set Moderator:PrivateKey …` writes it.</summary>
    private string UserSecretsWithKey()
    {
        var id = $"escrowp2p-test-{Guid.NewGuid():N}";
        var path = PathHelper.GetSecretsPathFromSecretsId(id);
        _temporaryFolders.Add(Directory.CreateDirectory(Path.GetDirectoryName(path)!).FullName);
        File.WriteAllText(path, $$"""{ "Moderator:PrivateKey": "{{Key}}" }""");
        return id;
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task A_key_in_a_json_settings_file_stops_the_service_naming_the_file(string environment)
    {
        var file = TemporaryFile("json", $$"""{ "Moderator": { "PrivateKey": "{{Key}}" } }""");

        var error = await RefusalAsync(environment, config => config.AddJsonFile(file));

        error.ToString().ShouldContain("Moderator:PrivateKey must not be set in a configuration file");
        error.ToString().ShouldContain(file);
    }

    [Fact]
    public async Task A_keystore_password_in_a_json_settings_file_stops_the_service_without_printing_it()
    {
        const string password = "correct horse battery staple";
        var file = TemporaryFile("json", $$"""{ "Moderator": { "KeystorePassword": "{{password}}" } }""");

        var error = await RefusalAsync(Environments.Production, config =>
        {
            config.AddCommandLine([$"--Moderator:PrivateKey={Key}"]);
            config.AddJsonFile(file);
        });

        error.ToString().ShouldContain("Moderator:KeystorePassword must not be set in a configuration file");
        error.ToString().ShouldContain(file);
        error.ToString().ShouldNotContain(password);
    }

    [Fact]
    public async Task A_key_in_an_ini_file_stops_the_service()
    {
        var file = TemporaryFile("ini", $"[Moderator]\nPrivateKey={Key}\n");

        var error = await RefusalAsync(Environments.Production, config => config.AddIniFile(file));

        error.ToString().ShouldContain("Moderator:PrivateKey must not be set in a configuration file");
    }

    [Fact]
    public async Task User_secrets_are_a_file_outside_development_and_stop_the_service()
    {
        var secrets = UserSecretsWithKey();

        var error = await RefusalAsync(Environments.Production, config => config.AddUserSecrets(secrets));

        error.ToString().ShouldContain("Moderator:PrivateKey must not be set in a configuration file");
    }

    [Fact]
    public async Task User_secrets_provide_the_key_in_development()
    {
        var secrets = UserSecretsWithKey();

        var moderator = await StartedModeratorAddressAsync(Environments.Development, config => config.AddUserSecrets(secrets));

        moderator.ShouldBe(DevAccounts.Moderator.Address, StringCompareShould.IgnoreCase);
    }

    [Fact]
    public async Task An_environment_variable_provides_the_key()
    {
        var prefix = $"ESCROWP2P_TEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "Moderator__PrivateKey", Key);
        try
        {
            var moderator = await StartedModeratorAddressAsync(Environments.Production, config => config.AddEnvironmentVariables(prefix));

            moderator.ShouldBe(DevAccounts.Moderator.Address, StringCompareShould.IgnoreCase);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Moderator__PrivateKey", null);
        }
    }

    [Fact]
    public async Task The_command_line_provides_the_key()
    {
        var moderator = await StartedModeratorAddressAsync(Environments.Production,
            config => config.AddCommandLine([$"--Moderator:PrivateKey={Key}"]));

        moderator.ShouldBe(DevAccounts.Moderator.Address, StringCompareShould.IgnoreCase);
    }
}
