using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EscrowP2P.IntegrationTests.Operations;

/// <summary>A misconfigured service refuses to start and says why.</summary>
public class StartupValidationTests
{
    private static Exception StartWith(Dictionary<string, string?> settings, string environment = "Production")
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            web.UseUrls("http://127.0.0.1:0");
            foreach (var (key, value) in settings) web.UseSetting(key, value);
        });
        factory.UseKestrel();
        try
        {
            return Should.Throw<Exception>(factory.StartServer);
        }
        finally
        {
            if (settings["Database:Provider"] is null or "Sqlite")
            {
                var database = settings["Database:ConnectionString"]!["Data Source=".Length..];
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var file in Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + "*")) File.Delete(file);
            }
        }
    }

    private static Dictionary<string, string?> ValidAuth() => new()
    {
        ["Auth:JwtSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
        ["Auth:Domains:0"] = "escrowp2p.test",
        ["Moderator:PrivateKey"] = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
        ["Database:Provider"] = null,
        ["Database:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"escrowp2p-startup-{Guid.NewGuid():N}.db")}",
    };

    [Fact]
    public void Outside_development_a_missing_rpc_url_is_refused_rather_than_replaced_by_a_local_chain()
    {
        var error = StartWith(ValidAuth());

        error.ToString().ShouldContain("Chain:RpcUrl is required");
    }

    [Fact]
    public void Outside_development_a_missing_jwt_signing_key_is_refused()
    {
        var settings = ValidAuth();
        settings["Auth:JwtSigningKey"] = "";
        settings["Chain:RpcUrl"] = "http://127.0.0.1:1";

        var error = StartWith(settings);

        error.ToString().ShouldContain("Auth:JwtSigningKey is required");
    }

    [Fact]
    public void Outside_development_no_siwe_domain_is_refused()
    {
        var settings = ValidAuth();
        settings.Remove("Auth:Domains:0");
        settings["Chain:RpcUrl"] = "http://127.0.0.1:1";
        settings["Chain:ChainId"] = "31337";
        settings["Chain:EscrowAddress"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

        var error = StartWith(settings);

        error.ToString().ShouldContain("Auth:Domains needs at least one domain");
    }

    [Fact]
    public void A_trusted_proxy_that_is_not_an_ip_address_is_refused()
    {
        var settings = ValidAuth();
        settings["Chain:RpcUrl"] = "http://127.0.0.1:1";
        settings["Chain:ChainId"] = "31337";
        settings["Chain:EscrowAddress"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
        settings["ForwardedHeaders:KnownProxies:0"] = "proxy.internal";

        var error = StartWith(settings);

        error.ToString().ShouldContain("ForwardedHeaders:KnownProxies must list IP addresses");
    }

    [Fact]
    public void An_unknown_database_provider_stops_the_service_naming_the_setting()
    {
        var settings = ValidAuth();
        settings["Chain:RpcUrl"] = "http://127.0.0.1:1";
        settings["Database:Provider"] = "MySql";

        var error = StartWith(settings);

        error.ToString().ShouldContain("Database:Provider 'MySql' is not known; use Sqlite (the default) or Postgres.");
    }
}
