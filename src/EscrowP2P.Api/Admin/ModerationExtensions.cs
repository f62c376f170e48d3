using EscrowP2P.Core.Moderation;

namespace EscrowP2P.Api.Admin;

public static class ModerationExtensions
{
    /// <summary>Dispute resolution with the moderator key, and the audit log of moderator actions.</summary>
    public static WebApplicationBuilder AddModeration(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DisputeResolutionService>();
        builder.Services.AddScoped<AuditQueries>();
        return builder;
    }
}
