using FluentValidation;

namespace EscrowP2P.Api.Infrastructure;

/// <summary>FluentValidation rules for the fiat side of a trade: currency codes and amounts of money.</summary>
public static class FiatRules
{
    /// <summary>An ISO 4217 currency code: three capital letters.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeCurrencyCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Matches("^[A-Z]{3}$").WithMessage("'{PropertyPath}' must be an ISO 4217 code such as \"EUR\".");

    /// <summary>A decimal string with up to 15 whole digits and 8 decimals.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeFiatDecimal<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Matches(@"^[0-9]{1,15}(\.[0-9]{1,8})?$").WithMessage("'{PropertyPath}' must be a decimal string such as \"125.50\".");
}
