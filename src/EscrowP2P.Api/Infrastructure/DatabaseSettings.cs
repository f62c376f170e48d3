using System.Data.Common;
using EscrowP2P.Persistence.Postgres;
using EscrowP2P.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Api.Infrastructure;

/// <summary>Which database the store lives in and how to reach it. The connection string is never logged: it may hold a password.</summary>
public sealed class DatabaseSettings
{
    private DatabaseSettings(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// From <c>Database:Provider</c> and <c>Database:ConnectionString</c>. With no provider named, a connection string
    /// naming a <c>Host</c> is PostgreSQL's; anything else is SQLite's, by default a file in the data folder.
    /// </summary>
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var connectionString = configuration["Database:ConnectionString"];
        var provider = ProviderOf(configuration["Database:Provider"], connectionString);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new(provider, string.IsNullOrWhiteSpace(connectionString)
                ? $"Data Source={Path.Combine(contentRoot, "data", "escrowp2p.db")}"
                : connectionString);
        }
        return string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is Postgres (e.g. Host=db;Database=escrowp2p;Username=…;Password=…).")
            : new(provider, connectionString);
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.Postgres:
                options.UsePostgresStore(ConnectionString);
                break;
            default:
                options.UseSqliteStore(ConnectionString);
                break;
        }
    }

    private static DatabaseProvider ProviderOf(string? configured, string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return NamesHost(connectionString) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        }
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            if (string.Equals(provider.ToString(), configured.Trim(), StringComparison.OrdinalIgnoreCase)) return provider;
        }
        throw new InvalidOperationException($"Database:Provider '{configured}' is not known; use Sqlite (the default) or Postgres.");
    }

    private static bool NamesHost(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) return false;
        try
        {
            return new DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey("Host");
        }
        catch (ArgumentException)
        {
            return false; // not key=value pairs at all: left to SQLite, which says what is wrong with it
        }
    }
}
