using EscrowP2P.Core.Persistence;
using EscrowP2P.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Core.Tests.Support;

/// <summary>
/// The trade store on SQLite in memory, with the real migrations applied. The connection stays open for the store's
/// life, since an in-memory database lives only as long as its connection. (EscrowP2P.Core.Tests.Postgres compiles
/// the same tests against a store of its own on PostgreSQL.)
/// </summary>
public sealed class TestTradeStore : IDbContextFactory<EscrowDbContext>, IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly DbContextOptions<EscrowDbContext> _options;

    public TestTradeStore()
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<EscrowDbContext>().UseSqliteStore(_connection).Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public EscrowDbContext CreateDbContext() => new(_options);

    public void Dispose() => _connection.Dispose();
}
