using EscrowP2P.Core.Persistence;
using Microsoft.Data.Sqlite;
using EscrowP2P.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Core.Tests.Support;

/// <summary>
/// The trade store on SQLite in memory, with the real migrations applied. The connection stays open for the store's
/// life, since an in-memory database lives only as long as its connection.
/// </summary>
public sealed class InMemoryTradeStore : IDbContextFactory<EscrowDbContext>, IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly DbContextOptions<EscrowDbContext> _options;

    public InMemoryTradeStore()
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<EscrowDbContext>().UseSqliteStore(_connection).Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public EscrowDbContext CreateDbContext() => new(_options);

    public void Dispose() => _connection.Dispose();
}
