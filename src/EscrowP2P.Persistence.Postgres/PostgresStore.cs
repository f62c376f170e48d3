using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Persistence.Postgres;

/// <summary>The trade store on PostgreSQL, with the migrations of this assembly.</summary>
public static class PostgresStore
{
    private static readonly string MigrationsAssembly = typeof(PostgresStore).Assembly.GetName().Name!;

    public static TBuilder UsePostgresStore<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly));
        return options;
    }
}
