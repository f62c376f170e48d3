using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace EscrowP2P.Api.Auth;

/// <summary>Issues the access tokens handed out after a successful Sign-In with Ethereum.</summary>
public sealed class JwtTokenIssuer(IOptions<AuthOptions> options, JwtSigningKey signingKey, TimeProvider time)
{
    public IssuedToken Issue(string address, IReadOnlyCollection<string> roles)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var expiresAt = now.AddSeconds(settings.AccessTokenLifetimeSeconds);
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, address),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(roles.Select(role => new Claim(Roles.ClaimType, role)));

        var token = new JwtSecurityToken(
            issuer: settings.Issuer,
            audience: settings.Audience,
            claims: claims,
            notBefore: now.UtcDateTime,
            expires: expiresAt.UtcDateTime,
            signingCredentials: new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256));
        return new IssuedToken(new JwtSecurityTokenHandler().WriteToken(token), expiresAt);
    }
}
