using EscrowP2P.Api.Infrastructure;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Core.Trades;
using FluentValidation;

namespace EscrowP2P.Api.Trades;

/// <summary>GET /api/trades query: the caller's trades, optionally by status and by the caller's role in them.</summary>
public sealed class ListTradesQuery : IPageQuery
{
    public TradeStatus? Status { get; init; }
    public TradeRole Role { get; init; } = TradeRole.Any;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

public sealed class ListTradesQueryValidator : AbstractValidator<ListTradesQuery>
{
    public ListTradesQueryValidator() => Include(new PageQueryValidator());
}
