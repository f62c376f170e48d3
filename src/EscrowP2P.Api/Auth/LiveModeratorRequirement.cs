using Microsoft.AspNetCore.Authorization;

namespace EscrowP2P.Api.Auth;

/// <summary>The moderator role, checked when the request is made rather than only when its token was issued.</summary>
public sealed class LiveModeratorRequirement : IAuthorizationRequirement;
