using EscrowP2P.Api.Infrastructure;
using FluentValidation;

namespace EscrowP2P.Api.Offers;

/// <summary>GET /api/p2p/offers query: open offers, optionally of one token, currency or seller.</summary>
public sealed class ListOffersQuery : IPageQuery
{
    public string? Token { get; init; }
    public string? FiatCurrency { get; init; }
    public string? Seller { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

public sealed class ListOffersQueryValidator : AbstractValidator<ListOffersQuery>
{
    public ListOffersQueryValidator()
    {
        RuleFor(q => q.Token).MustBeAddress().When(q => q.Token is not null);
        RuleFor(q => q.Seller).MustBeAddress().When(q => q.Seller is not null);
        RuleFor(q => q.FiatCurrency).MustBeCurrencyCode().When(q => q.FiatCurrency is not null);
        Include(new PageQueryValidator());
    }
}
