namespace EscrowP2P.Core.Auth;

/// <summary>A single-use Sign-In with Ethereum nonce, issued by the server and consumed by one successful login.</summary>
public sealed class SiweNonce
{
    public required string Value { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? ConsumedAt { get; set; }
}
