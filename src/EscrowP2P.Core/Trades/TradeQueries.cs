using EscrowP2P.Chain;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Core.Errors;
using EscrowP2P.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Nethereum.Util;

namespace EscrowP2P.Core.Trades;

/// <summary>Reads trades for their parties and for moderators.</summary>
public sealed class TradeQueries(EscrowDbContext db, EscrowService escrow)
{
    public async Task<Paged<TradeView>> ListAsync(string caller, TradeRole role, TradeStatus? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = role switch
        {
            TradeRole.Seller => db.Trades.Where(t => t.Seller == caller),
            TradeRole.Buyer => db.Trades.Where(t => t.Buyer == caller),
            _ => db.Trades.Where(t => t.Seller == caller || t.Buyer == caller),
        };
        if (status is { } wanted) query = query.Where(t => t.Status == wanted);

        var total = await query.CountAsync(cancellationToken);
        var trades = await query
            .OrderByDescending(t => t.UpdatedAt)
            .ThenBy(t => t.TradeId)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return new Paged<TradeView>(trades.Select(ToView).ToList(), page, pageSize, total);
    }

    /// <summary>The trade, for its buyer, its seller or a moderator; anyone else is told it does not exist.</summary>
    public async Task<TradeView> GetAsync(TradeId tradeId, string caller, bool isModerator, CancellationToken cancellationToken)
    {
        var stored = await db.Trades.AsNoTracking().SingleOrDefaultAsync(t => t.TradeId == tradeId.Hex, cancellationToken);
        var onChain = await escrow.GetTradeAsync(tradeId.ToBytes(), cancellationToken);
        var view = Merge(tradeId, stored, onChain) ?? throw new NotFoundException("No trade has this id.");
        var isParty = view.Seller.Equals(caller, StringComparison.OrdinalIgnoreCase) || view.Buyer.Equals(caller, StringComparison.OrdinalIgnoreCase);
        return isParty || isModerator ? view : throw new NotFoundException("No trade has this id.");
    }

    public async Task<Paged<TradeView>> ListByStatusAsync(TradeStatus status, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Trades.Where(t => t.Status == status);
        var total = await query.CountAsync(cancellationToken);
        var trades = await query.OrderBy(t => t.UpdatedAt).Skip((page - 1) * pageSize).Take(pageSize).AsNoTracking().ToListAsync(cancellationToken);
        return new Paged<TradeView>(trades.Select(ToView).ToList(), page, pageSize, total);
    }

    public static TradeView ToView(Trade t) => new(
        t.TradeId, t.Seller, t.Buyer, t.Token, t.Amount, t.Status.ToString(), t.FeeBps,
        t.ExpiresAt is { } expires ? DateTimeOffset.FromUnixTimeSeconds(expires) : null,
        t.PaymentWindowSeconds, t.OfferId, t.FiatAmount, t.FiatCurrency, t.PaymentMethod, t.PreparedAt, t.UpdatedAt, t.LastSeq);

    private static TradeView? Merge(TradeId tradeId, Trade? stored, OnChainTrade onChain)
    {
        if (onChain.Status == TradeStatus.None) return stored is null ? null : ToView(stored);
        var view = stored is null
            ? new TradeView(tradeId.Hex, Checksum(onChain.Seller), Checksum(onChain.Buyer), Checksum(onChain.Token), onChain.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "", null, null, 0, null, null, null, null, null, DateTimeOffset.UnixEpoch, 0)
            : ToView(stored);
        return view with
        {
            Status = onChain.Status.ToString(),
            FeeBps = onChain.FeeBps,
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds((long)onChain.ExpiresAt),
        };
    }

    private static string Checksum(string address) => AddressUtil.Current.ConvertToChecksumAddress(address);
}
