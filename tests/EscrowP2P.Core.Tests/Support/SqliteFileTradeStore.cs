using EscrowP2P.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Core.Tests.Support;

/// <summary>
/// The trade store in a SQLite file, as a service process opens it: each instance has connections of its own, so two
/// instances on one file write to it as two processes would.
/// </summary>
public sealed class SqliteFileTradeStore(string path) : IDbContextFactory<EscrowDbContext>
{
    private readonly DbContextOptions<EscrowDbContext> _options =
        new DbContextOptionsBuilder<EscrowDbContext>().UseSqlite($"Data Source={path}").Options;

    public EscrowDbContext CreateDbContext() => new(_options);

    /// <summary>Applies the migrations and turns on write-ahead logging, as the service does at start-up.</summary>
    public void Migrate()
    {
        using var db = CreateDbContext();
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*")) File.Delete(file);
    }
}
