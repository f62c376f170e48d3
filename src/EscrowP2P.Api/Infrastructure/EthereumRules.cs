using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using EscrowP2P.Api.Chain;
using EscrowP2P.Chain;
using FluentValidation;

namespace EscrowP2P.Api.Infrastructure;

/// <summary>FluentValidation rules for Ethereum values that arrive as JSON strings.</summary>
public static partial class EthereumRules
{
    private static readonly BigInteger MaxUint256 = BigInteger.Pow(2, 256) - 1;

    /// <summary>A 0x-hex 20-byte address; mixed case must be a valid EIP-55 checksum.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeAddress<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(EthereumAddress.IsValid).WithMessage("'{PropertyName}' must be a 0x-prefixed 20-byte hex address with a valid EIP-55 checksum.");

    /// <summary>Not the zero address, which no one holds the key of.</summary>
    public static IRuleBuilderOptions<T, string?> MustNotBeTheZeroAddress<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => !EthereumAddress.AreSame(value, EthereumAddress.Zero)).WithMessage("'{PropertyName}' cannot be the zero address.");

    /// <summary>Not the escrow contract itself: whatever the escrow sent there would stay locked in it.</summary>
    public static IRuleBuilderOptions<T, string?> MustNotBeTheEscrow<T>(this IRuleBuilder<T, string?> rule, string escrowAddress) =>
        rule.Must(value => !EthereumAddress.AreSame(value, escrowAddress))
            .WithMessage("'{PropertyName}' cannot be the escrow contract: what it is sent would stay locked there.");

    /// <summary>ETH (the zero address) or one of the configured tokens that GET /api/chain lists.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeSupportedToken<T>(this IRuleBuilder<T, string?> rule, SupportedTokens tokens) =>
        rule.Must(token => tokens.Find(token) is not null).WithMessage("'{PropertyName}' is not a supported token (see GET /api/chain).");

    /// <summary>A positive whole number of base units that fits in uint256, as a decimal string.</summary>
    public static IRuleBuilderOptions<T, string?> MustBePositiveUint256<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => TryParseUint256(value, out var amount) && amount > 0)
            .WithMessage("'{PropertyName}' must be a positive whole number of base units (decimal string, at most 2^256-1).");

    public static bool TryParseUint256(string? value, out BigInteger amount)
    {
        amount = default;
        return value is not null
            && DecimalDigits().IsMatch(value)
            && BigInteger.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out amount)
            && amount <= MaxUint256;
    }

    public static string Checksum(string address) => EthereumAddress.Checksum(address);

    [GeneratedRegex("^(0|[1-9][0-9]{0,77})$")]
    private static partial Regex DecimalDigits();
}
