using EscrowP2P.Core.Persistence;
using EscrowP2P.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Core.Tests.Support;

/// <summary>
/// One trade store that several ingestors open as separate service processes would (a SQLite file here): each
/// <see cref="Connect"/> has connections of its own. Migrated like the service does at start-up; deleted on dispose.
/// </summary>
public sealed class SharedTradeStore : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"escrowp2p-shared-{Guid.NewGuid():N}.db");

    public SharedTradeStore()
    {
        using var db = Connect().CreateDbContext();
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    public IDbContextFactory<EscrowDbContext> Connect() =>
        new Connection(new DbContextOptionsBuilder<EscrowDbContext>().UseSqliteStore($"Data Source={_path}").Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*")) File.Delete(file);
    }

    private sealed class Connection(DbContextOptions<EscrowDbContext> options) : IDbContextFactory<EscrowDbContext>
    {
        public EscrowDbContext CreateDbContext() => new(options);
    }
}
