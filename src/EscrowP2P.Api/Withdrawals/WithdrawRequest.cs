using EscrowP2P.Api.Chain;
using EscrowP2P.Api.Infrastructure;
using EscrowP2P.Chain.Configuration;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Api.Withdrawals;

/// <summary>Claim a deferred payout in <see cref="Token"/>, sent to <see cref="To"/> (default: the caller).</summary>
public sealed record WithdrawRequest(string? Token, string? To = null);

public sealed class WithdrawRequestValidator : AbstractValidator<WithdrawRequest>
{
    public WithdrawRequestValidator(SupportedTokens tokens, IOptions<ChainOptions> chain)
    {
        RuleFor(r => r.Token).NotNull().MustBeAddress().MustBeSupportedToken(tokens);
        RuleFor(r => r.To).MustBeAddress().MustNotBeTheZeroAddress().MustNotBeTheEscrow(chain.Value.EscrowAddress)
            .When(r => r.To is not null);
    }
}
