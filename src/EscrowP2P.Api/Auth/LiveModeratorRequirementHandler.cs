using Microsoft.AspNetCore.Authorization;

namespace EscrowP2P.Api.Auth;

/// <summary>Grants <see cref="LiveModeratorRequirement"/> to a token claiming the role whose address still holds it.</summary>
public sealed class LiveModeratorRequirementHandler(ModeratorRoleCheck moderators) : AuthorizationHandler<LiveModeratorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, LiveModeratorRequirement requirement)
    {
        // The token must still claim the role: a role granted after sign-in counts from the next sign-in.
        if (!context.User.IsModerator()) return;
        var aborted = context.Resource is HttpContext http ? http.RequestAborted : CancellationToken.None;
        if (await moderators.IsModeratorAsync(context.User.Address(), aborted)) context.Succeed(requirement);
    }
}
