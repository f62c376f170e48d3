using EscrowP2P.Api.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace EscrowP2P.IntegrationTests.Operations.Unit;

public class DatabaseSettingsTests
{
    private const string ContentRoot = "/srv/escrowp2p";

    private static DatabaseSettings From(string? provider, string? connectionString) =>
        DatabaseSettings.From(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["Database:ConnectionString"] = connectionString,
            }).Build(),
            ContentRoot);

    [Fact]
    public void Without_settings_the_store_is_a_sqlite_file_in_the_data_folder()
    {
        var settings = From(null, null);

        settings.Provider.ShouldBe(DatabaseProvider.Sqlite);
        settings.ConnectionString.ShouldBe($"Data Source={Path.Combine(ContentRoot, "data", "escrowp2p.db")}");
    }

    [Fact]
    public void Without_a_provider_a_connection_string_naming_a_host_is_postgresql()
    {
        From(null, "Host=db;Database=escrowp2p;Username=app;Password=secret").Provider.ShouldBe(DatabaseProvider.Postgres);
        From(null, "Data Source=/var/lib/escrowp2p/escrowp2p.db").Provider.ShouldBe(DatabaseProvider.Sqlite);
    }

    [Fact]
    public void The_provider_is_named_in_any_case_and_wins_over_the_connection_string()
    {
        From("postgres", "Host=db;Database=escrowp2p").Provider.ShouldBe(DatabaseProvider.Postgres);
        From("SQLITE", null).Provider.ShouldBe(DatabaseProvider.Sqlite);
    }

    [Fact]
    public void An_unknown_provider_is_refused_naming_the_setting_and_never_the_connection_string()
    {
        var error = Should.Throw<InvalidOperationException>(() => From("MySql", "Host=db;Password=hunter2"));

        error.Message.ShouldContain("Database:Provider 'MySql' is not known");
        error.Message.ShouldNotContain("hunter2");
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_naming_the_setting()
    {
        Should.Throw<InvalidOperationException>(() => From("Postgres", null)).Message.ShouldContain("Database:ConnectionString is required");
    }
}
