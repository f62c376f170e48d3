using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;

namespace EscrowP2P.Api.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in wallet address (EIP-55), from the token's subject.</summary>
    public static string Address(this ClaimsPrincipal user) =>
        user.FindFirstValue(JwtRegisteredClaimNames.Sub)
        ?? throw new InvalidOperationException("the access token has no subject");

    public static bool IsModerator(this ClaimsPrincipal user) => user.IsInRole(Roles.Moderator);

    /// <summary>The roles the access token grants.</summary>
    public static IReadOnlyList<string> GrantedRoles(this ClaimsPrincipal user) =>
        user.FindAll(Roles.ClaimType).Select(claim => claim.Value).ToList();
}
