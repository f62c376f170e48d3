namespace EscrowP2P.Api.Auth;

/// <summary>A fresh single-use nonce, with the domain and chain id the SIWE message must name.</summary>
public sealed record NonceResponse(string Nonce, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string Domain, long ChainId);

/// <summary>A successful sign-in: the bearer token and who it is for.</summary>
public sealed record SignInResponse(string AccessToken, DateTimeOffset ExpiresAt, string Address, IReadOnlyList<string> Roles);

/// <summary>The caller, as their access token names them.</summary>
public sealed record MeResponse(string Address, IReadOnlyList<string> Roles);
