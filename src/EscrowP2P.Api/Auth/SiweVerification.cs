using System.Diagnostics.CodeAnalysis;

namespace EscrowP2P.Api.Auth;

/// <summary>What <see cref="SiweVerifier"/> found: the message it accepted, or why it refused it.</summary>
public sealed record SiweVerification
{
    private SiweVerification(SiweMessage? message, string? failure) => (Message, Failure) = (message, failure);

    public SiweMessage? Message { get; }

    /// <summary>Why the sign-in is refused; says nothing about nonces and never repeats the signature.</summary>
    public string? Failure { get; }

    [MemberNotNullWhen(true, nameof(Message))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsValid => Message is not null;

    public static SiweVerification Valid(SiweMessage message) => new(message, null);
    public static SiweVerification Invalid(string failure) => new(null, failure);
}
