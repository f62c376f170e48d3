using EscrowP2P.Chain;
using EscrowP2P.Core.Errors;
using EscrowP2P.Core.Paging;
using EscrowP2P.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Core.Offers;

/// <summary>Sellers' standing offers: published, browsed, withdrawn.</summary>
public sealed class OfferService(EscrowDbContext db, TimeProvider time)
{
    public async Task<Offer> CreateAsync(Offer offer, CancellationToken cancellationToken)
    {
        db.Offers.Add(offer);
        await db.SaveChangesAsync(cancellationToken);
        return offer;
    }

    public async Task<Paged<Offer>> ListOpenAsync(string? token, string? fiatCurrency, string? seller, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Offers.AsNoTracking().Where(o => o.WithdrawnAt == null);
        if (token is not null) query = query.Where(o => o.Token == token);
        if (fiatCurrency is not null) query = query.Where(o => o.FiatCurrency == fiatCurrency);
        if (seller is not null) query = query.Where(o => o.Seller == seller);
        return await query.OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id).ToPagedAsync(page, pageSize, cancellationToken);
    }

    /// <summary>Only the offer's seller can withdraw it; others are told it does not exist.</summary>
    public async Task WithdrawAsync(Guid offerId, string caller, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.FindAsync([offerId], cancellationToken);
        if (offer is null || offer.WithdrawnAt is not null || !EthereumAddress.AreSame(offer.Seller, caller))
        {
            throw new NotFoundException("No open offer of yours has this id.");
        }
        offer.WithdrawnAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }
}
