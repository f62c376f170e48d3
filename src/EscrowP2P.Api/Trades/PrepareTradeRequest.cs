using EscrowP2P.Api.Chain;
using EscrowP2P.Api.Infrastructure;
using EscrowP2P.Chain.Configuration;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Api.Trades;

/// <summary>A seller opens a trade: who buys, which token (the zero address for ETH), how much in base units.</summary>
public sealed record PrepareTradeRequest(
    string? Buyer,
    string? Token,
    string? Amount,
    long? PaymentWindowSeconds,
    Guid? OfferId = null,
    string? FiatAmount = null,
    string? FiatCurrency = null,
    string? PaymentMethod = null);

public sealed class PrepareTradeRequestValidator : AbstractValidator<PrepareTradeRequest>
{
    public PrepareTradeRequestValidator(SupportedTokens tokens, IOptions<ChainOptions> chain)
    {
        RuleFor(r => r.Buyer).NotEmpty().MustBeAddress()
            .Must(b => b is null || !b.Equals(Nethereum.Util.AddressUtil.ZERO_ADDRESS, StringComparison.OrdinalIgnoreCase))
            .WithMessage("'buyer' cannot be the zero address.")
            .MustNotBeTheEscrow(chain.Value.EscrowAddress);
        RuleFor(r => r.Token).NotNull().MustBeAddress()
            .Must(t => tokens.Find(t) is not null).WithMessage("'token' is not a supported token (see GET /api/chain).");
        RuleFor(r => r.Amount).NotEmpty().MustBePositiveUint256();
        RuleFor(r => r.PaymentWindowSeconds).NotNull().GreaterThan(0);
        RuleFor(r => r.FiatAmount).Matches(@"^[0-9]{1,15}(\.[0-9]{1,8})?$").When(r => r.FiatAmount is not null)
            .WithMessage("'fiatAmount' must be a decimal string such as \"125.50\".");
        RuleFor(r => r.FiatCurrency).Matches("^[A-Z]{3}$").When(r => r.FiatCurrency is not null)
            .WithMessage("'fiatCurrency' must be an ISO 4217 code such as \"EUR\".");
        RuleFor(r => r.PaymentMethod).MaximumLength(64);
        RuleFor(r => r.FiatCurrency).NotNull().When(r => r.FiatAmount is not null)
            .WithMessage("'fiatCurrency' is required with 'fiatAmount'.");
    }
}
