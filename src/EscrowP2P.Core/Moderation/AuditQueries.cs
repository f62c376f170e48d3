using EscrowP2P.Core.Paging;
using EscrowP2P.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Core.Moderation;

public sealed class AuditQueries(EscrowDbContext db)
{
    /// <summary>Newest first; optionally only one trade's actions.</summary>
    public async Task<Paged<ModeratorAuditEntry>> ListAsync(string? tradeId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.ModeratorAudit.AsNoTracking();
        if (tradeId is not null) query = query.Where(a => a.TradeId == tradeId);
        return await query.OrderByDescending(a => a.Id).ToPagedAsync(page, pageSize, cancellationToken);
    }
}
