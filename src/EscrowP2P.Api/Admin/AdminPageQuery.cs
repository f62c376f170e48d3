using EscrowP2P.Api.Infrastructure;
using FluentValidation;

namespace EscrowP2P.Api.Admin;

/// <summary>Paging for the admin lists; <see cref="TradeId"/> narrows the audit log to one trade.</summary>
public sealed class AdminPageQuery : IPageQuery
{
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
    public string? TradeId { get; init; }
}

public sealed class AdminPageQueryValidator : AbstractValidator<AdminPageQuery>
{
    public AdminPageQueryValidator()
    {
        Include(new PageQueryValidator());
        RuleFor(q => q.TradeId).Must(id => EscrowP2P.Chain.Contracts.TradeId.TryParse(id, out _)).When(q => q.TradeId is not null)
            .WithMessage("'tradeId' must be 0x followed by 64 hex digits.");
    }
}
