using EscrowP2P.Core.Persistence;
using EscrowP2P.Persistence.Postgres;
using EscrowP2P.TestSupport.Servers;
using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Core.Tests.Support;

/// <summary>The trade store on a fresh database in the test run's PostgreSQL server, with the real migrations applied; dropped on dispose.</summary>
public sealed class TestTradeStore : IDbContextFactory<EscrowDbContext>, IDisposable
{
    private readonly PostgresServer _server;
    private readonly string _connectionString;
    private readonly DbContextOptions<EscrowDbContext> _options;

    public TestTradeStore()
    {
        // The scripted tests build their store in constructors; the server calls run on the thread pool, away from
        // xunit's synchronization context, so waiting for them here cannot deadlock.
        _server = Task.Run(PostgresServer.SharedAsync).GetAwaiter().GetResult();
        _connectionString = Task.Run(() => _server.CreateDatabaseAsync()).GetAwaiter().GetResult();
        _options = new DbContextOptionsBuilder<EscrowDbContext>().UsePostgresStore(_connectionString).Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public EscrowDbContext CreateDbContext() => new(_options);

    public void Dispose() => Task.Run(() => _server.DropDatabaseAsync(_connectionString)).GetAwaiter().GetResult();
}
