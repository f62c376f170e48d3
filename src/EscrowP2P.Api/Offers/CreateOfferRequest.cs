using System.Globalization;
using EscrowP2P.Api.Chain;
using EscrowP2P.Api.Infrastructure;
using FluentValidation;

namespace EscrowP2P.Api.Offers;

/// <summary>A seller publishes an offer: a token, an amount range in base units, a fiat price per whole token.</summary>
public sealed record CreateOfferRequest(
    string? Token,
    string? MinAmount,
    string? MaxAmount,
    string? Price,
    string? FiatCurrency,
    List<string>? PaymentMethods,
    long? PaymentWindowSeconds,
    string? Terms = null);

public sealed class CreateOfferRequestValidator : AbstractValidator<CreateOfferRequest>
{
    public CreateOfferRequestValidator(SupportedTokens tokens)
    {
        RuleFor(r => r.Token).NotNull().MustBeAddress().MustBeSupportedToken(tokens);
        RuleFor(r => r.MinAmount).NotEmpty().MustBePositiveUint256();
        RuleFor(r => r.MaxAmount).NotEmpty().MustBePositiveUint256()
            .Must((r, max) => !EthereumRules.TryParseUint256(r.MinAmount, out var min) || !EthereumRules.TryParseUint256(max, out var m) || m >= min)
            .WithMessage("'maxAmount' must not be below 'minAmount'.");
        RuleFor(r => r.Price).NotEmpty().MustBeFiatDecimal()
            .Must(p => decimal.TryParse(p, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v > 0)
            .WithMessage("'price' must be a positive decimal string such as \"1.02\".");
        RuleFor(r => r.FiatCurrency).NotEmpty().MustBeCurrencyCode();
        RuleFor(r => r.PaymentMethods).NotEmpty().Must(m => m is null || m.Count <= 10).WithMessage("'paymentMethods' lists 1 to 10 methods.");
        RuleForEach(r => r.PaymentMethods).NotEmpty().MaximumLength(64);
        RuleFor(r => r.PaymentWindowSeconds).NotNull().InclusiveBetween(60, 30L * 24 * 3600);
        RuleFor(r => r.Terms).MaximumLength(2000);
    }
}
