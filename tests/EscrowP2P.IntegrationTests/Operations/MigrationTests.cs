using EscrowP2P.Core.Persistence;
using EscrowP2P.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EscrowP2P.IntegrationTests.Operations;

/// <summary>Migrations applied to a database that already holds rows, as an upgrade in production would.</summary>
public sealed class MigrationTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public MigrationTests() => _connection.Open();

    [Fact]
    public async Task Migrating_an_empty_database_applies_every_migration_and_leaves_no_model_change_unmigrated()
    {
        await using var db = new EscrowDbContext(new DbContextOptionsBuilder<EscrowDbContext>().UseSqliteStore(_connection).Options);

        await db.Database.MigrateAsync();

        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Fact]
    public async Task Upgrading_marks_trades_first_seen_on_chain_as_never_prepared_and_keeps_prepared_ones()
    {
        await using var db = new EscrowDbContext(new DbContextOptionsBuilder<EscrowDbContext>().UseSqliteStore(_connection).Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("IdempotencyKeysKeepSignedTransaction");
        await InsertTradeAsync(db, '1', preparedAt: 0);
        await InsertTradeAsync(db, '2', preparedAt: 638_990_000_000_000_000L);

        await migrator.MigrateAsync();

        Assert.Equal([null, 638_990_000_000_000_000L], await StoredPreparedAtAsync());
    }

    private static Task<int> InsertTradeAsync(EscrowDbContext db, char idDigit, long preparedAt) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO trades (TradeId, Seller, Buyer, Token, Amount, PaymentWindowSeconds, PreparedAt, Status, UpdatedAt, LastSeq)
            VALUES ({"0x" + new string(idDigit, 64)}, '0xa', '0xb', '0x0', '1', 0, {preparedAt}, 'Funded', 0, 1)
            """);

    private async Task<List<long?>> StoredPreparedAtAsync()
    {
        await using var query = _connection.CreateCommand();
        query.CommandText = "SELECT PreparedAt FROM trades ORDER BY TradeId";
        await using var reader = await query.ExecuteReaderAsync();
        var values = new List<long?>();
        while (await reader.ReadAsync()) values.Add(reader.IsDBNull(0) ? null : reader.GetInt64(0));
        return values;
    }

    public void Dispose() => _connection.Dispose();
}
