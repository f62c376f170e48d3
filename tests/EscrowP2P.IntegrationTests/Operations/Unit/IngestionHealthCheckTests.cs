using EscrowP2P.Api.Infrastructure;
using EscrowP2P.Chain.Configuration;
using EscrowP2P.Chain.Events;
using EscrowP2P.Core.Events;
using EscrowP2P.Core.Persistence;
using Microsoft.Data.Sqlite;
using EscrowP2P.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.IntegrationTests.Operations.Unit;

/// <summary>An instance that follows judges ingestion by the cursor the leader stored and the node's head.</summary>
public sealed class IngestionHealthCheckTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly Store _store;
    private readonly NodeAt _node = new();

    public IngestionHealthCheckTests()
    {
        _connection.Open();
        _store = new Store(new DbContextOptionsBuilder<EscrowDbContext>().UseSqliteStore(_connection).Options);
        using var db = _store.CreateDbContext();
        db.Database.Migrate();
    }

    [Fact]
    public async Task A_follower_is_healthy_while_the_stored_cursor_is_close_to_the_head()
    {
        StoreCursor(100);
        _node.Head = 110;

        var result = await CheckAsync();

        result.Status.ShouldBe(HealthStatus.Healthy);
        result.Data["leader"].ShouldBe(false);
        (result.Data["cursor"], result.Data["head"], result.Data["lagBlocks"]).ShouldBe((100L, 110L, 10L));
    }

    [Fact]
    public async Task A_follower_is_unhealthy_when_the_leader_fell_too_far_behind()
    {
        StoreCursor(100);
        _node.Head = 151;

        var result = await CheckAsync();

        result.Status.ShouldBe(HealthStatus.Unhealthy);
        result.Description.ShouldBe("event ingestion (by the leading instance) is 51 blocks behind");
    }

    [Fact]
    public async Task A_follower_is_unhealthy_before_any_instance_ingested()
    {
        _node.Head = 5;

        var result = await CheckAsync();

        result.Status.ShouldBe(HealthStatus.Unhealthy);
        result.Data["cursor"].ShouldBe(-1L);
    }

    public void Dispose() => _connection.Dispose();

    private Task<HealthCheckResult> CheckAsync()
    {
        var check = new IngestionHealthCheck(
            new IngestionProgress(TimeProvider.System),
            new IngestionLeadership(NullLogger<IngestionLeadership>.Instance),
            _store,
            _node,
            new WebSocketHeadWatcher(Options.Create(new ChainOptions()), new ChainHeadSignal(), NullLogger<WebSocketHeadWatcher>.Instance),
            Options.Create(new EventOptions { MaxHealthyLagBlocks = 50 }));
        return check.CheckHealthAsync(new HealthCheckContext());
    }

    private void StoreCursor(long block)
    {
        using var db = _store.CreateDbContext();
        db.ChainCursors.Add(new ChainCursor { BlockNumber = block, BlockHash = "0x" + new string('a', 64), UpdatedAt = DateTimeOffset.UtcNow });
        db.SaveChanges();
    }

    private sealed class Store(DbContextOptions<EscrowDbContext> options) : IDbContextFactory<EscrowDbContext>
    {
        public EscrowDbContext CreateDbContext() => new(options);
    }

    /// <summary>A node that answers only its head: all a follower's readiness asks of it.</summary>
    private sealed class NodeAt : IEscrowLogReader
    {
        public long Head { get; set; }

        public Task<long> GetHeadAsync(CancellationToken cancellationToken) => Task.FromResult(Head);

        public Task<BlockHeader?> GetHeaderAsync(long number, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<BlockHeader?[]> GetHeadersAsync(long fromBlock, long toBlock, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<FilterLog[]> GetLogsAsync(long fromBlock, long toBlock, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<FilterLog[]> GetLogsAsync(string blockHash, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
