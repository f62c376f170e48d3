namespace EscrowP2P.Api.Auth;

/// <summary>
/// The roles written into a new access token: moderator for the addresses in Auth:Moderators and for holders of
/// MODERATOR_ROLE on the escrow contract. Moderator actions check the role again when they happen.
/// </summary>
public sealed class RoleResolver(ModeratorRoleCheck moderators)
{
    public async Task<IReadOnlyList<string>> RolesOfAsync(string address) =>
        await moderators.IsModeratorAsync(address, CancellationToken.None) ? [Roles.Moderator] : [];
}
