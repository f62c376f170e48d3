using EscrowP2P.Core.Events;
using Microsoft.AspNetCore.Authorization;

namespace EscrowP2P.Api.Auth;

public static class LiveModeratorRoleExtensions
{
    /// <summary>
    /// The moderator role checked at every moderator action (<see cref="LiveModeratorRequirement"/>), kept current by
    /// the escrow's role events and configuration reloads.
    /// </summary>
    public static IServiceCollection AddLiveModeratorRole(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<ModeratorRoleCheck>();
        services.AddSingleton<IAuthorizationHandler, LiveModeratorRequirementHandler>();
        services.AddSingleton<ModeratorRoleWatcher>();
        services.AddSingleton<IModeratorRoleListener>(provider => provider.GetRequiredService<ModeratorRoleWatcher>());
        services.AddHostedService(provider => provider.GetRequiredService<ModeratorRoleWatcher>());
        return services;
    }
}
