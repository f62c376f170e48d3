using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EscrowP2P.Api.OpenApi;

/// <summary>
/// Operations behind [Authorize] (and not [AllowAnonymous]) require the bearer token and may answer 401; those
/// behind a policy (the moderator role) may also answer 403.
/// </summary>
public sealed class BearerRequirementTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        if (authorize.Count == 0 || metadata.OfType<IAllowAnonymous>().Any()) return Task.CompletedTask;

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentDescription.BearerScheme, context.Document)] = [] }];
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid access token." });
        if (authorize.Any(a => a.Policy is not null || a.Roles is not null))
        {
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The access token lacks the role this operation needs." });
        }
        return Task.CompletedTask;
    }
}
