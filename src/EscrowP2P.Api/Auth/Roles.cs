namespace EscrowP2P.Api.Auth;

public static class Roles
{
    public const string Moderator = "moderator";
}

public static class Policies
{
    public const string Moderator = "moderator";
}
