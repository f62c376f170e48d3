namespace EscrowP2P.Api.Auth;

/// <summary>A Sign-In with Ethereum (EIP-4361) message, as read from the exact text the wallet signed.</summary>
public sealed record SiweMessage
{
    /// <summary>The optional <c>scheme://</c> in front of the domain.</summary>
    public string? Scheme { get; init; }

    /// <summary>The RFC 3986 authority (host[:port]) asking for the sign-in.</summary>
    public required string Domain { get; init; }

    /// <summary>The signing address exactly as written in the message.</summary>
    public required string Address { get; init; }

    public string? Statement { get; init; }
    public required Uri Uri { get; init; }
    public required string Version { get; init; }
    public required long ChainId { get; init; }
    public required string Nonce { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public DateTimeOffset? ExpirationTime { get; init; }
    public DateTimeOffset? NotBefore { get; init; }
    public string? RequestId { get; init; }
    public IReadOnlyList<Uri> Resources { get; init; } = [];
}
