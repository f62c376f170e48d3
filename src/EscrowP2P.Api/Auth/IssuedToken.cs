namespace EscrowP2P.Api.Auth;

/// <summary>A signed access token and when it expires.</summary>
public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt);
