namespace EscrowP2P.Api.Auth;

/// <summary>Names of the authorization policies.</summary>
public static class Policies
{
    /// <summary>The moderator role, still held at the time of the request (<see cref="LiveModeratorRequirement"/>).</summary>
    public const string Moderator = "moderator";
}
