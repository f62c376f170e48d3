using System.ComponentModel.DataAnnotations;

namespace EscrowP2P.Api.Auth;

/// <summary>Sign-In with Ethereum and the JWTs it issues.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// Domains (host[:port]) a SIWE message may name; the browser sets it to the site the user is on. Only
    /// appsettings.Development.json lists local pages: elsewhere the service starts only with domains configured.
    /// </summary>
    [MinLength(1, ErrorMessage = "Auth:Domains needs at least one domain a SIWE message may name (e.g. Auth__Domains__0=app.example.com).")]
    public List<string> Domains { get; set; } = [];

    /// <summary>Base64 HMAC key for the JWTs (at least 32 bytes). Generated at start in Development when empty.</summary>
    public string? JwtSigningKey { get; set; }

    [Required] public string Issuer { get; set; } = "escrowp2p";
    [Required] public string Audience { get; set; } = "escrowp2p";

    [Range(60, 86_400)] public int AccessTokenLifetimeSeconds { get; set; } = 3600;
    [Range(30, 3600)] public int NonceLifetimeSeconds { get; set; } = 600;

    /// <summary>
    /// Addresses that are moderators (besides holders of MODERATOR_ROLE on-chain). Read at every moderator action, so a
    /// configuration reload that removes one takes effect at once.
    /// </summary>
    public List<string> Moderators { get; set; } = [];

    /// <summary>
    /// How long an address's MODERATOR_ROLE, read from the chain, is trusted before the node is asked again (0: ask
    /// every time). The escrow's role events end it sooner.
    /// </summary>
    [Range(0, 60)] public int RoleCacheSeconds { get; set; } = 5;

    /// <summary>Login attempts (nonce + verify) allowed per client IP per minute.</summary>
    [Range(1, 10_000)] public int PermitsPerMinute { get; set; } = 30;

    public override string ToString() => $"AuthOptions {{ Domains = [{string.Join(", ", Domains)}], signing key redacted }}";
}
