using FluentValidation;

namespace EscrowP2P.Api.Admin;

/// <summary>The moderator's split: buyerBps of 10000 to the buyer (0 = full refund to the seller), and why.</summary>
public sealed record ResolveDisputeRequest(int? BuyerBps, string? Reason);

public sealed class ResolveDisputeRequestValidator : AbstractValidator<ResolveDisputeRequest>
{
    public ResolveDisputeRequestValidator()
    {
        RuleFor(r => r.BuyerBps).NotNull().InclusiveBetween(0, 10_000);
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(2000);
    }
}

public sealed class PageQuery
{
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
    public string? TradeId { get; init; }
}

public sealed class PageQueryValidator : AbstractValidator<PageQuery>
{
    public PageQueryValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        RuleFor(q => q.TradeId).Must(id => EscrowP2P.Chain.Contracts.TradeId.TryParse(id, out _)).When(q => q.TradeId is not null)
            .WithMessage("'tradeId' must be 0x followed by 64 hex digits.");
    }
}
