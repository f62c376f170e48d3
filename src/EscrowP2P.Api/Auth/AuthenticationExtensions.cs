using System.IdentityModel.Tokens.Jwt;
using EscrowP2P.Chain;
using EscrowP2P.Core.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

using EscrowP2P.Api.OpenApi;

namespace EscrowP2P.Api.Auth;

public static class AuthenticationExtensions
{
    private const string HubPathPrefix = "/hubs";

    /// <summary>JWT bearer authentication for the API and the hub, with tokens issued by Sign-In with Ethereum.</summary>
    public static WebApplicationBuilder AddSiweAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Domains.All(d => !string.IsNullOrWhiteSpace(d) && !d.Contains('/', StringComparison.Ordinal)),
                "Auth:Domains must be host[:port] entries (no scheme, no path).")
            .Validate(o => o.Moderators.All(EthereumAddress.IsWellFormed), "Auth:Moderators must list 0x-prefixed 20-byte addresses.")
            .ValidateOnStart();

        // The document generator signs no token: a throw-away key lets the build describe the API without secrets.
        var signingKey = JwtSigningKey.Create(
            builder.Configuration[$"{AuthOptions.Section}:JwtSigningKey"],
            builder.Environment.IsDevelopment() || ApiDocumentGeneration.IsRunning);
        builder.Services.AddSingleton(signingKey);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<JwtTokenIssuer>();
        builder.Services.AddSingleton<SiweVerifier>();
        builder.Services.AddSingleton<NonceStore>();
        builder.Services.AddLiveModeratorRole();
        builder.Services.AddSingleton<RoleResolver>();
        builder.Services.AddSingleton<SiweSignIn>();
        builder.Services.AddAuthRateLimiting();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Audience,
                    IssuerSigningKey = signingKey.Key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = JwtRegisteredClaimNames.Sub,
                    RoleClaimType = Roles.ClaimType,
                };
                jwt.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSocket requests: the hub reads the token from the query string.
                    OnMessageReceived = context =>
                    {
                        var token = context.Request.Query["access_token"];
                        if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments(HubPathPrefix))
                        {
                            context.Token = token;
                        }
                        return Task.CompletedTask;
                    },
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Moderator, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Moderator).AddRequirements(new LiveModeratorRequirement()));
        return builder;
    }
}
