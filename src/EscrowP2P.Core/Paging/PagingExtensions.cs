using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Core.Paging;

public static class PagingExtensions
{
    /// <summary>One page of an ordered query (pages count from 1), with the total count for paging controls.</summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IOrderedQueryable<T> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Paged<T>(items, page, pageSize, total);
    }
}
