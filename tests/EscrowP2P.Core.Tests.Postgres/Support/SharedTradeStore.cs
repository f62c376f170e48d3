using EscrowP2P.Core.Persistence;
using EscrowP2P.Persistence.Postgres;
using EscrowP2P.TestSupport.Servers;
using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Core.Tests.Support;

/// <summary>
/// One trade store that several ingestors open as separate service processes would (a fresh database in the test
/// run's PostgreSQL here): each <see cref="Connect"/> has connections of its own. Migrated; dropped on dispose.
/// </summary>
public sealed class SharedTradeStore : IDisposable
{
    private readonly PostgresServer _server;
    private readonly string _connectionString;

    public SharedTradeStore()
    {
        // Built in test constructors; the server calls run on the thread pool, away from xunit's synchronization context.
        _server = Task.Run(PostgresServer.SharedAsync).GetAwaiter().GetResult();
        _connectionString = Task.Run(() => _server.CreateDatabaseAsync()).GetAwaiter().GetResult();
        using var db = Connect().CreateDbContext();
        db.Database.Migrate();
    }

    public IDbContextFactory<EscrowDbContext> Connect() =>
        new Connection(new DbContextOptionsBuilder<EscrowDbContext>().UsePostgresStore(_connectionString).Options);

    public void Dispose() => Task.Run(() => _server.DropDatabaseAsync(_connectionString)).GetAwaiter().GetResult();

    private sealed class Connection(DbContextOptions<EscrowDbContext> options) : IDbContextFactory<EscrowDbContext>
    {
        public EscrowDbContext CreateDbContext() => new(options);
    }
}
