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
        RuleFor(r => r.Buyer).NotEmpty().MustBeAddress().MustNotBeTheZeroAddress().MustNotBeTheEscrow(chain.Value.EscrowAddress);
        RuleFor(r => r.Token).NotNull().MustBeAddress().MustBeSupportedToken(tokens);
        RuleFor(r => r.Amount).NotEmpty().MustBePositiveUint256();
        RuleFor(r => r.PaymentWindowSeconds).NotNull().GreaterThan(0);
        RuleFor(r => r.FiatAmount).MustBeFiatDecimal().When(r => r.FiatAmount is not null);
        RuleFor(r => r.FiatCurrency).MustBeCurrencyCode().When(r => r.FiatCurrency is not null);
        RuleFor(r => r.PaymentMethod).MaximumLength(64);
        RuleFor(r => r.FiatCurrency).NotNull().When(r => r.FiatAmount is not null)
            .WithMessage("'fiatCurrency' is required with 'fiatAmount'.");
    }
}
