namespace EscrowP2P.Core.Events;

/// <summary>
/// Told, once a batch of blocks is committed, which accounts were granted or lost MODERATOR_ROLE on the escrow in it,
/// so that whatever rests on the role is checked again.
/// </summary>
public interface IModeratorRoleListener
{
    Task ModeratorRolesChangedAsync(IReadOnlyCollection<string> accounts, CancellationToken cancellationToken);
}
