using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EscrowP2P.Api.OpenApi;

/// <summary>
/// The names and media types clients should use: query parameters in camelCase like every JSON field (binding ignores
/// case, so `page` and `Page` both work, and generated clients read better), and successful bodies as
/// application/json only — the text/plain and text/json that ASP.NET also lists are never what a client wants.
/// </summary>
public sealed class WireNamesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter is { In: ParameterLocation.Query, Name: { } name }) parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(name);
        }
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (!status.StartsWith('2') || response.Content is not { } content || !content.ContainsKey("application/json")) continue;
            foreach (var mediaType in content.Keys.Where(m => m != "application/json").ToList()) content.Remove(mediaType);
        }
        return Task.CompletedTask;
    }
}
