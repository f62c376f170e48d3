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
        RuleFor(r => r.Token).NotNull().MustBeAddress()
            .Must(t => tokens.Find(t) is not null).WithMessage("'token' is not a supported token (see GET /api/chain).");
        RuleFor(r => r.To).MustBeAddress()
            .Must(to => !string.Equals(to, Nethereum.Util.AddressUtil.ZERO_ADDRESS, StringComparison.OrdinalIgnoreCase))
            .WithMessage("'to' cannot be the zero address.")
            .MustNotBeTheEscrow(chain.Value.EscrowAddress)
            .When(r => r.To is not null);
    }
}

/// <summary>A payout the escrow could not push to the caller, waiting to be withdrawn.</summary>
public sealed record PendingWithdrawal(string Token, string Symbol, int Decimals, string Amount);
