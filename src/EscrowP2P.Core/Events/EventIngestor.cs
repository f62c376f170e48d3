using EscrowP2P.Chain.Configuration;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Errors;
using EscrowP2P.Chain.Events;
using EscrowP2P.Core.Persistence;
using EscrowP2P.Core.Trades;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Core.Events;

/// <summary>
/// Moves the stored picture of the escrow forward by one batch of blocks, or back to the common ancestor after a
/// reorg. Events, the trade projection, recent block hashes and the cursor change in one database transaction, and
/// the resulting updates are returned for publishing only after that transaction committed — so a crash never
/// loses nor doubles an event.
/// </summary>
public sealed partial class EventIngestor(
    IDbContextFactory<EscrowDbContext> dbFactory,
    IEscrowLogReader reader,
    BlockBatchReader batches,
    IOptions<EventOptions> options,
    IOptions<ChainOptions> chainOptions,
    IModeratorRoleListener moderatorRoles,
    TimeProvider time,
    ILogger<EventIngestor> logger)
{
    private readonly EventOptions _options = options.Value;
    private int _batch = options.Value.MaxBlocksPerBatch;

    public async Task<IngestionStep> StepAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var head = await reader.GetHeadAsync(cancellationToken);
        var cursor = await db.ChainCursors.SingleOrDefaultAsync(cancellationToken) ?? await StartCursorAsync(db, cancellationToken);
        var startedFrom = cursor.BlockNumber;
        try
        {
            return await StepFromAsync(db, cursor, head, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The cursor or a trade's sequence moved since this step read them: another ingester (a leader that took
            // over from this one) committed first. Nothing of this step was stored; the next step starts from there.
            LogOvertaken(startedFrom);
            return new IngestionStep([], head, startedFrom, CaughtUp: false);
        }
    }

    private async Task<IngestionStep> StepFromAsync(EscrowDbContext db, ChainCursor cursor, long head, CancellationToken cancellationToken)
    {
        if (head <= cursor.BlockNumber)
        {
            var cursorHeader = await reader.GetHeaderAsync(cursor.BlockNumber, cancellationToken);
            if (cursorHeader is null || cursorHeader.Hash != cursor.BlockHash) return await RewindStepAsync(db, cursor, head, cancellationToken);
            var confirmations = await ConfirmAsync(db, head, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new IngestionStep(confirmations, head, cursor.BlockNumber, CaughtUp: true);
        }

        var from = cursor.BlockNumber + 1;
        var to = Math.Min(head, cursor.BlockNumber + _batch);
        var recentFrom = head - _options.RecentBlocksKept + 1;
        BlockBatchRead read;
        if (from >= recentFrom)
        {
            read = await batches.ReadRecentAsync(cursor.BlockNumber, cursor.BlockHash, to, cancellationToken);
        }
        else
        {
            // Catching up on history: one range up to where recent blocks begin, which are read block by block.
            to = Math.Min(to, recentFrom - 1);
            try
            {
                read = await batches.ReadOlderAsync(cursor.BlockNumber, cursor.BlockHash, to, cancellationToken);
                _batch = Math.Min(_options.MaxBlocksPerBatch, _batch * 2);
            }
            catch (NodeRefusedException ex) when (to > from)
            {
                // The node refused the range (too many blocks or results): ask for less next time.
                _batch = Math.Max(1, (int)((to - from + 1) / 2));
                LogRangeRefused(from, to, _batch, ex.Message);
                return new IngestionStep([], head, cursor.BlockNumber, CaughtUp: false);
            }
        }

        switch (read)
        {
            case CursorOrphaned:
                return await RewindStepAsync(db, cursor, head, cancellationToken);
            case NoConsistentView view:
                // Nothing is stored from a view that may mix two chains; ask again once the node has settled.
                LogNoConsistentView(from, to, view.Reason);
                return new IngestionStep([], head, cursor.BlockNumber, CaughtUp: true);
        }
        var batch = (BlockBatch)read;

        var decoded = batch.Logs
            .Select(EscrowEventDecoder.Decode)
            .OfType<DecodedTradeEvent>()
            .OrderBy(e => e.BlockNumber).ThenBy(e => e.LogIndex)
            .ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The cursor moves first, and only from where this step read it: whoever moves it second fails here, before it
        // read or wrote anything else, and on PostgreSQL the row lock holds other ingesters off until this commits.
        cursor.BlockNumber = batch.Last.Number;
        cursor.BlockHash = batch.Last.Hash;
        cursor.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var updates = await StoreEventsAsync(db, decoded, head, cancellationToken);
        await RememberBlocksAsync(db, batch.Headers, head, cancellationToken);
        updates.AddRange(await ConfirmAsync(db, head, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var moderatorRoleChanges = ModeratorRoleEvents.AccountsIn(batch.Logs);
        if (moderatorRoleChanges.Count > 0) await moderatorRoles.ModeratorRolesChangedAsync(moderatorRoleChanges, cancellationToken);
        return new IngestionStep(updates, head, cursor.BlockNumber, CaughtUp: cursor.BlockNumber >= head);
    }

    private async Task<IngestionStep> RewindStepAsync(EscrowDbContext db, ChainCursor cursor, long head, CancellationToken cancellationToken)
    {
        var removals = await RewindAsync(db, cursor, head, cancellationToken);
        return new IngestionStep(removals, head, cursor.BlockNumber, CaughtUp: false);
    }

    private async Task<List<TradeUpdate>> StoreEventsAsync(EscrowDbContext db, List<DecodedTradeEvent> events, long head, CancellationToken cancellationToken)
    {
        var updates = new List<TradeUpdate>();
        if (events.Count == 0) return updates;

        var tradeIds = events.Select(e => e.TradeId).Distinct().ToList();
        var trades = await db.Trades.Where(t => tradeIds.Contains(t.TradeId)).ToDictionaryAsync(t => t.TradeId, cancellationToken);
        var blockHashes = events.Select(e => e.BlockHash).Distinct().ToList();
        var known = await db.TradeEvents.Where(e => blockHashes.Contains(e.BlockHash)).ToDictionaryAsync(e => (e.BlockHash, e.LogIndex), cancellationToken);
        var now = time.GetUtcNow();

        foreach (var e in events)
        {
            if (known.TryGetValue((e.BlockHash, e.LogIndex), out var existing) && !existing.Removed) continue;
            if (!trades.TryGetValue(e.TradeId, out var trade))
            {
                if (e.Event is not TradeCreatedEvent created)
                {
                    LogUnknownTrade(e.Name, e.TradeId, e.BlockNumber);
                    continue;
                }
                trade = TradeProjection.FromCreated(e.TradeId, created, now);
                db.Trades.Add(trade);
                trades[trade.TradeId] = trade;
            }

            if (e.Event is TradeCreatedEvent creation && TradeProjection.DetachContradictedTerms(trade, creation)) LogTermsDetached(trade.TradeId);
            TradeProjection.Apply(trade, e.Event, e.BlockNumber);
            trade.UpdatedAt = now;
            trade.LastSeq++;
            var row = existing ?? new TradeEvent
            {
                TradeId = trade.TradeId,
                Name = e.Name,
                BlockNumber = e.BlockNumber,
                BlockHash = e.BlockHash,
                TransactionHash = e.TransactionHash,
                LogIndex = e.LogIndex,
                DataJson = StoredArguments.ToJson(e.Event),
                ObservedAt = now,
            };
            // A block that comes back after a reorg revives its events rather than storing them twice.
            row.Removed = false;
            row.Seq = trade.LastSeq;
            row.Confirmed = Depth(head, e.BlockNumber) >= _options.ConfirmationDepth;
            if (existing is null) db.TradeEvents.Add(row);
            updates.Add(TradeUpdate.For(trade, row, TradeUpdateKind.Event, row.Seq, head));
        }
        return updates;
    }

    private async Task<List<TradeUpdate>> ConfirmAsync(EscrowDbContext db, long head, CancellationToken cancellationToken)
    {
        var deepEnough = head - _options.ConfirmationDepth + 1;
        var events = await db.TradeEvents
            .Where(e => !e.Confirmed && !e.Removed && e.BlockNumber <= deepEnough)
            .OrderBy(e => e.BlockNumber).ThenBy(e => e.LogIndex)
            .ToListAsync(cancellationToken);
        if (events.Count == 0) return [];

        var tradeIds = events.Select(e => e.TradeId).Distinct().ToList();
        var trades = await db.Trades.Where(t => tradeIds.Contains(t.TradeId)).ToDictionaryAsync(t => t.TradeId, cancellationToken);
        var updates = new List<TradeUpdate>(events.Count);
        foreach (var e in events)
        {
            var trade = trades[e.TradeId];
            e.Confirmed = true;
            e.ConfirmedSeq = ++trade.LastSeq;
            updates.Add(TradeUpdate.For(trade, e, TradeUpdateKind.Confirmed, e.ConfirmedSeq.Value, head));
        }
        return updates;
    }

    private async Task<List<TradeUpdate>> RewindAsync(EscrowDbContext db, ChainCursor cursor, long head, CancellationToken cancellationToken)
    {
        var ancestor = await CommonAncestorAsync(db, cursor, cancellationToken);
        LogReorg(cursor.BlockNumber, cursor.BlockHash, ancestor.Number, ancestor.Hash);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        cursor.BlockNumber = ancestor.Number;
        cursor.BlockHash = ancestor.Hash;
        cursor.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        var orphaned = await db.TradeEvents
            .Where(e => e.BlockNumber > ancestor.Number && !e.Removed)
            .OrderBy(e => e.BlockNumber).ThenBy(e => e.LogIndex)
            .ToListAsync(cancellationToken);
        var tradeIds = orphaned.Select(e => e.TradeId).Distinct().ToList();
        var trades = await db.Trades.Where(t => tradeIds.Contains(t.TradeId)).ToDictionaryAsync(t => t.TradeId, cancellationToken);
        foreach (var e in orphaned)
        {
            e.Removed = true;
            e.RemovedSeq = ++trades[e.TradeId].LastSeq;
        }
        foreach (var trade in trades.Values)
        {
            var history = await db.TradeEvents.Where(e => e.TradeId == trade.TradeId).ToListAsync(cancellationToken);
            TradeProjection.Refold(trade, history);
            trade.UpdatedAt = now;
        }

        await db.RecentBlocks.Where(b => b.Number > ancestor.Number).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return orphaned.Select(e => TradeUpdate.For(trades[e.TradeId], e, TradeUpdateKind.Removed, e.RemovedSeq!.Value, head)).ToList();
    }

    /// <summary>The newest remembered block that is still on the node's chain; the start block if none is.</summary>
    private async Task<BlockHeader> CommonAncestorAsync(EscrowDbContext db, ChainCursor cursor, CancellationToken cancellationToken)
    {
        var remembered = await db.RecentBlocks.AsNoTracking()
            .Where(b => b.Number <= cursor.BlockNumber)
            .OrderByDescending(b => b.Number)
            .ToListAsync(cancellationToken);
        foreach (var block in remembered)
        {
            var onChain = await reader.GetHeaderAsync(block.Number, cancellationToken);
            if (onChain is not null && onChain.Hash == block.Hash) return onChain;
        }
        return await StartHeaderAsync(cancellationToken);
    }

    private async Task RememberBlocksAsync(EscrowDbContext db, IEnumerable<BlockHeader> headers, long head, CancellationToken cancellationToken)
    {
        var keep = headers.Where(h => head - h.Number < _options.RecentBlocksKept).DistinctBy(h => h.Number).ToList();
        var numbers = keep.Select(h => h.Number).ToList();
        var floor = head - _options.RecentBlocksKept;
        await db.RecentBlocks.Where(b => numbers.Contains(b.Number) || b.Number < floor).ExecuteDeleteAsync(cancellationToken);
        db.RecentBlocks.AddRange(keep.Select(h => new RecentBlock { Number = h.Number, Hash = h.Hash, ParentHash = h.ParentHash }));
    }

    private async Task<ChainCursor> StartCursorAsync(EscrowDbContext db, CancellationToken cancellationToken)
    {
        var start = await StartHeaderAsync(cancellationToken);
        var cursor = new ChainCursor { BlockNumber = start.Number, BlockHash = start.Hash, UpdatedAt = time.GetUtcNow() };
        db.ChainCursors.Add(cursor);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return cursor;
        }
        catch (DbUpdateException)
        {
            // Another ingester may have stored the first cursor meanwhile: then start from that one.
            db.ChangeTracker.Clear();
            var stored = await db.ChainCursors.SingleOrDefaultAsync(cancellationToken);
            if (stored is null) throw;
            return stored;
        }
    }

    private async Task<BlockHeader> StartHeaderAsync(CancellationToken cancellationToken)
    {
        var number = Math.Max(0, chainOptions.Value.StartBlock - 1);
        return await reader.GetHeaderAsync(number, cancellationToken)
            ?? throw new InvalidOperationException($"the node has no block {number} (Chain:StartBlock {chainOptions.Value.StartBlock})");
    }

    private static long Depth(long head, long blockNumber) => Math.Max(0, head - blockNumber + 1);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another ingester moved on from block {Cursor} first; this step's changes are discarded")]
    private partial void LogOvertaken(long cursor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reorg: stored block {CursorBlock} {CursorHash} is no longer canonical; rewinding to {AncestorBlock} {AncestorHash}")]
    private partial void LogReorg(long cursorBlock, string cursorHash, long ancestorBlock, string ancestorHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The node refused logs for blocks {From}-{To}; next batch {Batch} blocks ({Reason})")]
    private partial void LogRangeRefused(long from, long to, int batch, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Blocks {From}-{To} not ingested this step: {Reason}")]
    private partial void LogNoConsistentView(long from, long to, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trade {TradeId} was created on-chain with other parties, token or amount than prepared; its prepared off-chain terms are detached")]
    private partial void LogTermsDetached(TradeId tradeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{EventName} for unknown trade {TradeId} in block {BlockNumber} skipped (created before Chain:StartBlock?)")]
    private partial void LogUnknownTrade(string eventName, TradeId tradeId, long blockNumber);
}
