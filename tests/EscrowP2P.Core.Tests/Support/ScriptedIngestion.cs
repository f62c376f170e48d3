using EscrowP2P.Chain.Configuration;
using EscrowP2P.Chain.Events;
using EscrowP2P.Core.Events;
using EscrowP2P.Core.Persistence;
using EscrowP2P.Core.Trades;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace EscrowP2P.Core.Tests.Support;

/// <summary>
/// The real <see cref="EventIngestor"/> reading a <see cref="ScriptedChain"/> into an <see cref="TestTradeStore"/>,
/// with the moderator role listener mocked. <see cref="ChainOptions.StartBlock"/> is 1: the escrow is deployed there.
/// </summary>
public sealed class ScriptedIngestion : IDisposable
{
    private readonly EventOptions _options;

    public ScriptedIngestion(int confirmationDepth = 3, int maxBlocksPerBatch = 2_000, int recentBlocksKept = 16)
    {
        _options = new EventOptions
        {
            ConfirmationDepth = confirmationDepth,
            MaxBlocksPerBatch = maxBlocksPerBatch,
            RecentBlocksKept = recentBlocksKept,
        };
        Ingestor = NewIngestor();
    }

    public ScriptedChain Chain { get; } = new();
    public TestTradeStore Store { get; } = new();
    public Mock<IModeratorRoleListener> ModeratorRoles { get; } = new();
    public EventIngestor Ingestor { get; private set; }

    public Task<IngestionStep> StepAsync() => Ingestor.StepAsync(CancellationToken.None);

    /// <summary>Steps until the ingestor reports it caught up; returns the updates of every step, in order.</summary>
    public async Task<List<TradeUpdate>> CatchUpAsync()
    {
        var updates = new List<TradeUpdate>();
        for (var steps = 0; steps < 1_000; steps++)
        {
            var step = await StepAsync();
            updates.AddRange(step.Updates);
            if (step.CaughtUp) return updates;
        }
        throw new InvalidOperationException("the ingestor never caught up");
    }

    /// <summary>A new ingestor on the same store, as after a restart of the service.</summary>
    public void Restart() => Ingestor = NewIngestor();

    public Trade? Trade(byte[] tradeId)
    {
        using var db = Store.CreateDbContext();
        return db.Trades.AsNoTracking().SingleOrDefault(t => t.TradeId == EscrowEvents.Hex(tradeId));
    }

    /// <summary>The trade's stored events in chain order, orphaned ones included.</summary>
    public List<TradeEvent> EventsOf(byte[] tradeId)
    {
        using var db = Store.CreateDbContext();
        return db.TradeEvents.AsNoTracking().Where(e => e.TradeId == EscrowEvents.Hex(tradeId))
            .OrderBy(e => e.BlockNumber).ThenBy(e => e.LogIndex).ToList();
    }

    public ChainCursor Cursor()
    {
        using var db = Store.CreateDbContext();
        return db.ChainCursors.AsNoTracking().Single();
    }

    /// <summary>Adds a trade the seller prepared through the API, not yet seen on-chain.</summary>
    public void Prepare(Trade trade)
    {
        using var db = Store.CreateDbContext();
        db.Trades.Add(trade);
        db.SaveChanges();
    }

    public void Dispose() => Store.Dispose();

    private EventIngestor NewIngestor() => IngestorOver(Chain, Store, _options, ModeratorRoles.Object);

    /// <summary>An ingestor reading <paramref name="chain"/> into <paramref name="store"/>, as one service instance has it.</summary>
    public static EventIngestor IngestorOver(IEscrowLogReader chain, IDbContextFactory<EscrowDbContext> store, EventOptions options, IModeratorRoleListener moderatorRoles) => new(
        store,
        chain,
        new BlockBatchReader(chain, NullLogger<BlockBatchReader>.Instance),
        Options.Create(options),
        Options.Create(new ChainOptions { EscrowAddress = ScriptedChain.EscrowAddress, StartBlock = 1 }),
        moderatorRoles,
        TimeProvider.System,
        NullLogger<EventIngestor>.Instance);
}
