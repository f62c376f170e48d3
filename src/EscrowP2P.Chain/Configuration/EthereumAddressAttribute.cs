using System.ComponentModel.DataAnnotations;

namespace EscrowP2P.Chain.Configuration;

/// <summary>
/// A setting that, when given, must be a well-formed address (<see cref="EthereumAddress.IsWellFormed"/>); an empty one
/// is left to <see cref="RequiredAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EthereumAddressAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string { Length: > 0 } text || EthereumAddress.IsWellFormed(text);
}
