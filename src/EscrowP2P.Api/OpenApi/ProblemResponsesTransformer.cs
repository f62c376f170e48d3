using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace EscrowP2P.Api.OpenApi;

/// <summary>
/// The error answers every operation can give, as RFC 9457 problems: 400 (a validation problem naming the field)
/// wherever input is validated, 429 with Retry-After wherever a rate limit applies, and application/problem+json
/// as the only content of every 4xx (the controllers' [ProducesResponseType] declare the domain-specific ones).
/// </summary>
public sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [400] = "The request is invalid; errors name each field.",
        [401] = "No valid access token.",
        [403] = "The caller may not do this.",
        [404] = "Nothing with this id (or nothing the caller may see).",
        [409] = "The current state does not allow it; where the transaction would revert, the decoded contract error.",
        [422] = "The transaction would revert on-chain for another reason; the decoded contract error.",
        [429] = "Too many requests; retry after the seconds in Retry-After.",
    };

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        if (ValidatesInput(context))
        {
            operation.Responses.TryAdd("400", new OpenApiResponse());
        }
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            operation.Responses.TryAdd("429", new OpenApiResponse());
            var tooMany = (OpenApiResponse)operation.Responses["429"];
            tooMany.Headers ??= new Dictionary<string, IOpenApiHeader>();
            tooMany.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds until the rate limit lets the caller in again.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
            };
        }

        foreach (var (status, response) in operation.Responses.Where(r => IsClientError(r.Key)).ToList())
        {
            var problem = (OpenApiResponse)response;
            var declared = problem.Content?.Values.Select(c => c.Schema).FirstOrDefault(s => s is not null);
            var schema = declared ?? await ReferenceAsync(
                status == "400" ? typeof(ValidationProblemDetails) : typeof(ProblemDetails), context, cancellationToken);
            problem.Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } };
            if (string.IsNullOrEmpty(problem.Description) || problem.Description == ReasonPhrase(status))
            {
                problem.Description = Descriptions.GetValueOrDefault(int.Parse(status, CultureInfo.InvariantCulture), ReasonPhrase(status));
            }
        }
    }

    /// <summary>A body, a query or a header, or a route value without a route constraint (a trade id is checked;
    /// an offer id that is not a GUID simply matches no route).</summary>
    private static bool ValidatesInput(OpenApiOperationTransformerContext context) =>
        context.Description.ParameterDescriptions.Any(p =>
            p.Source != BindingSource.Path || p.RouteInfo?.Constraints?.Any() != true);

    private static bool IsClientError(string status) => status.Length == 3 && status[0] == '4';

    private static string ReasonPhrase(string status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(int.Parse(status, CultureInfo.InvariantCulture));

    private static async Task<IOpenApiSchema> ReferenceAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
        context.Document!.AddComponent(type.Name, schema);
        return new OpenApiSchemaReference(type.Name, context.Document);
    }
}
