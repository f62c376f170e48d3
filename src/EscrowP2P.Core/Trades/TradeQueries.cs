using EscrowP2P.Chain;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Core.Errors;
using EscrowP2P.Core.Events;
using EscrowP2P.Core.Paging;
using EscrowP2P.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Core.Trades;

/// <summary>
/// Reads trades for their parties and for moderators, from the projection of the ingested events — the same
/// store the hub's messages come from, so REST and hub always agree.
/// </summary>
public sealed class TradeQueries(EscrowDbContext db, IngestionProgress progress, PreparationLifetime preparations)
{
    /// <summary>The caller's trades; as buyer only those the chain has shown (a preparation is the seller's draft).</summary>
    public async Task<Paged<TradeView>> ListAsync(string caller, TradeRole role, TradeStatus? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        var trades = db.Trades.WithoutExpiredPreparations(preparations.Cutoff);
        var query = role switch
        {
            TradeRole.Seller => trades.Where(t => t.Seller == caller),
            TradeRole.Buyer => trades.Where(t => t.Buyer == caller && (t.Status != TradeStatus.None || t.LastSeq > 0)),
            _ => trades.Where(t => t.Seller == caller || (t.Buyer == caller && (t.Status != TradeStatus.None || t.LastSeq > 0))),
        };
        if (status is { } wanted) query = query.Where(t => t.Status == wanted);
        return ToViews(await query.AsNoTracking().OrderByDescending(t => t.UpdatedAt).ThenBy(t => t.TradeId).ToPagedAsync(page, pageSize, cancellationToken));
    }

    public async Task<Paged<TradeView>> ListByStatusAsync(TradeStatus status, int page, int pageSize, CancellationToken cancellationToken) =>
        ToViews(await db.Trades.AsNoTracking().Where(t => t.Status == status).OrderBy(t => t.UpdatedAt).ThenBy(t => t.TradeId)
            .ToPagedAsync(page, pageSize, cancellationToken));

    /// <summary>The trade with its whole event history, for those who may see it; anyone else is told it does not exist.</summary>
    public async Task<TradeView> GetAsync(TradeId tradeId, string caller, bool isModerator, CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(tradeId, caller, isModerator, afterSeq: 0, cancellationToken)
            ?? throw new NotFoundException("No trade has this id.");
        return snapshot.Trade with { Events = snapshot.Events };
    }

    /// <summary>Whether the caller may see the trade; false for an unknown trade too (the two are indistinguishable on purpose).</summary>
    public async Task<bool> IsVisibleToAsync(TradeId tradeId, string caller, bool isModerator, CancellationToken cancellationToken)
    {
        var trade = await db.Trades.AsNoTracking().SingleOrDefaultAsync(t => t.TradeId == tradeId, cancellationToken);
        return trade is not null && MaySee(trade, caller, isModerator);
    }

    /// <summary>
    /// The trade's current state and its events announced, confirmed or removed after <paramref name="afterSeq"/>;
    /// null when the trade is unknown or the caller may not see it (the two are indistinguishable on purpose).
    /// </summary>
    public async Task<TradeSnapshot?> GetSnapshotAsync(TradeId tradeId, string caller, bool isModerator, long afterSeq, CancellationToken cancellationToken)
    {
        var trade = await db.Trades.AsNoTracking().SingleOrDefaultAsync(t => t.TradeId == tradeId, cancellationToken);
        if (trade is null || !MaySee(trade, caller, isModerator)) return null;

        var events = await db.TradeEvents.AsNoTracking()
            .Where(e => e.TradeId == trade.TradeId && (e.Seq > afterSeq || e.RemovedSeq > afterSeq || e.ConfirmedSeq > afterSeq))
            .OrderBy(e => e.Seq)
            .ToListAsync(cancellationToken);
        var head = progress.Head ?? 0;
        return new TradeSnapshot(ToView(trade), events.Select(e => TradeEventView.Of(e, head)).ToList(), trade.LastSeq);
    }

    /// <summary>Buyer, seller or moderator; the buyer only once the chain has shown the trade; nobody an expired preparation.</summary>
    // A trade whose creation a reorg removed, and that nobody prepared, names no parties: it does not exist.
    private bool MaySee(Trade trade, string caller, bool isModerator) =>
        trade.Seller.Length > 0
        && !Preparations.IsExpiredPreparation(trade, preparations.Cutoff)
        && (isModerator
            || trade.IsSeller(caller)
            || (trade.IsBuyer(caller) && !Preparations.IsPreparation(trade)));

    public static TradeView ToView(Trade t) => new(
        t.TradeId, t.Seller, t.Buyer, t.Token, t.Amount, t.Status.ToString(), t.FeeBps,
        t.ExpiresAt is { } expires ? DateTimeOffset.FromUnixTimeSeconds(expires) : null,
        t.PaymentWindowSeconds, t.OfferId, t.FiatAmount, t.FiatCurrency, t.PaymentMethod, t.PreparedAt, t.UpdatedAt, t.LastSeq);

    private static Paged<TradeView> ToViews(Paged<Trade> trades) =>
        new(trades.Items.Select(ToView).ToList(), trades.Page, trades.PageSize, trades.Total);
}
