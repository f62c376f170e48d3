using EscrowP2P.Core.Persistence;
using EscrowP2P.Persistence.Postgres;
using EscrowP2P.TestSupport.Servers;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EscrowP2P.IntegrationTests.Postgres.Persistence;

/// <summary>PostgreSQL's migrations against a real server: complete for the model, and safe for instances starting together.</summary>
public sealed class PostgresMigrationTests : IAsyncLifetime
{
    private PostgresServer _server = null!;
    private string _database = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.SharedAsync();
        _database = await _server.CreateDatabaseAsync();
    }

    public Task DisposeAsync() => _server.DropDatabaseAsync(_database);

    private EscrowDbContext Connect() => new(new DbContextOptionsBuilder<EscrowDbContext>().UsePostgresStore(_database).Options);

    [Fact]
    public async Task Migrating_an_empty_database_applies_every_migration_and_leaves_no_model_change_unmigrated()
    {
        await using var db = Connect();

        await db.Database.MigrateAsync();

        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Fact]
    public async Task Instances_starting_together_on_one_database_migrate_it_once_without_failing()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var db = Connect();
            await db.Database.MigrateAsync();
        }));

        await Task.WhenAll(instances);

        await using var check = Connect();
        (await check.Database.GetAppliedMigrationsAsync()).ShouldBe(check.Database.GetMigrations());
    }

    [Fact]
    public async Task Timestamps_are_native_timestamps_with_time_zone()
    {
        await using var db = Connect();
        await db.Database.MigrateAsync();

        var types = await db.Database.SqlQuery<string>($"""
            SELECT data_type AS "Value" FROM information_schema.columns
            WHERE (table_name, column_name) IN (('trades', 'UpdatedAt'), ('siwe_nonces', 'ExpiresAt'), ('offers', 'CreatedAt'))
            """).ToListAsync();

        types.ShouldBe(["timestamp with time zone", "timestamp with time zone", "timestamp with time zone"]);
    }
}
