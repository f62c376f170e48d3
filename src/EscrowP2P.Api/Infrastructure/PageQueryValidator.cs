using FluentValidation;

namespace EscrowP2P.Api.Infrastructure;

/// <summary>The one paging limit, included by every list query's validator.</summary>
public sealed class PageQueryValidator : AbstractValidator<IPageQuery>
{
    public const int MaxPageSize = 200;

    public PageQueryValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize);
    }
}
