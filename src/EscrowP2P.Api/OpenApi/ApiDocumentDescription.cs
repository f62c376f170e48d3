using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EscrowP2P.Api.OpenApi;

/// <summary>
/// The document's title and the bearer scheme. No servers: the document is the same wherever it is generated or
/// served, and clients take the base URL from their own configuration.
/// </summary>
public sealed class ApiDocumentDescription : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "EscrowP2P API",
            Version = "v1",
            Description = "Non-custodial P2P escrow: offers, trades and the unsigned transactions a wallet signs. "
                + "Amounts are base-unit decimal strings; unsigned transactions carry hex quantities. "
                + "Sign in with Ethereum (POST /api/auth/nonce, then /api/auth/verify) for a bearer token. "
                + "Every error is an RFC 9457 problem (application/problem+json).",
        };
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The accessToken from POST /api/auth/verify.",
        };
        return Task.CompletedTask;
    }
}
