using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Persistence.Sqlite;

/// <summary>The trade store on SQLite, with the migrations of this assembly.</summary>
public static class SqliteStore
{
    private static readonly string MigrationsAssembly = typeof(SqliteStore).Assembly.GetName().Name!;

    public static TBuilder UseSqliteStore<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly));
        return options;
    }

    /// <summary>On an open connection, e.g. an in-memory database, which lives only as long as its connection.</summary>
    public static TBuilder UseSqliteStore<TBuilder>(this TBuilder options, DbConnection connection)
        where TBuilder : DbContextOptionsBuilder
    {
        options.UseSqlite(connection, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly));
        return options;
    }
}
