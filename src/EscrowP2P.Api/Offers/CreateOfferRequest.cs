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
        RuleFor(r => r.Token).NotNull().MustBeAddress()
            .Must(t => tokens.Find(t) is not null).WithMessage("'token' is not a supported token (see GET /api/chain).");
        RuleFor(r => r.MinAmount).NotEmpty().MustBePositiveUint256();
        RuleFor(r => r.MaxAmount).NotEmpty().MustBePositiveUint256()
            .Must((r, max) => !EthereumRules.TryParseUint256(r.MinAmount, out var min) || !EthereumRules.TryParseUint256(max, out var m) || m >= min)
            .WithMessage("'maxAmount' must not be below 'minAmount'.");
        RuleFor(r => r.Price).NotEmpty().Matches(@"^[0-9]{1,15}(\.[0-9]{1,8})?$")
            .Must(p => decimal.TryParse(p, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v > 0)
            .WithMessage("'price' must be a positive decimal string such as \"1.02\".");
        RuleFor(r => r.FiatCurrency).NotEmpty().Matches("^[A-Z]{3}$").WithMessage("'fiatCurrency' must be an ISO 4217 code such as \"EUR\".");
        RuleFor(r => r.PaymentMethods).NotEmpty().Must(m => m is null || m.Count <= 10).WithMessage("'paymentMethods' lists 1 to 10 methods.");
        RuleForEach(r => r.PaymentMethods).NotEmpty().MaximumLength(64);
        RuleFor(r => r.PaymentWindowSeconds).NotNull().InclusiveBetween(60, 30L * 24 * 3600);
        RuleFor(r => r.Terms).MaximumLength(2000);
    }
}

public sealed class ListOffersQuery
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
        RuleFor(q => q.FiatCurrency).Matches("^[A-Z]{3}$").When(q => q.FiatCurrency is not null);
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 100);
    }
}
