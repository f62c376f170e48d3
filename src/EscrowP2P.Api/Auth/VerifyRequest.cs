using System.Text.RegularExpressions;
using FluentValidation;

namespace EscrowP2P.Api.Auth;

/// <summary>The EIP-4361 text exactly as the wallet signed it, and its personal_sign signature.</summary>
public sealed record VerifyRequest(string? Message, string? Signature);

public sealed partial class VerifyRequestValidator : AbstractValidator<VerifyRequest>
{
    public VerifyRequestValidator()
    {
        RuleFor(r => r.Message)
            .NotEmpty().WithMessage("message is required: the EIP-4361 text the wallet signed.")
            .MaximumLength(SiweMessageParser.MaxLength).WithMessage($"message must be at most {SiweMessageParser.MaxLength} characters.");
        RuleFor(r => r.Signature)
            .NotEmpty().WithMessage("signature is required.")
            .Matches(SignatureFormat()).WithMessage("signature must be a 65-byte personal_sign signature: 0x followed by 130 hex digits.");
    }

    [GeneratedRegex("^0x[0-9a-fA-F]{130}$")]
    private static partial Regex SignatureFormat();
}
