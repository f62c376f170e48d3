namespace EscrowP2P.Api.Auth;

public static class Roles
{
    /// <summary>The claim that carries a role in our access tokens.</summary>
    public const string ClaimType = "role";

    public const string Moderator = "moderator";
}
