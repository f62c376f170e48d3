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
