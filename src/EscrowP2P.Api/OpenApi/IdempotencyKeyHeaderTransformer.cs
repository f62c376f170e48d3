using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EscrowP2P.Api.OpenApi;

/// <summary>Describes the Idempotency-Key header of the actions marked <see cref="IdempotencyKeyHeaderAttribute"/>
/// as required, with its format and what a retry with the same key does.</summary>
public sealed class IdempotencyKeyHeaderTransformer : IOpenApiOperationTransformer
{
    public const string HeaderName = "Idempotency-Key";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotencyKeyHeaderAttribute>().Any()) return Task.CompletedTask;

        operation.Parameters ??= [];
        operation.Parameters = operation.Parameters.Where(p => p.Name != HeaderName).ToList();
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = HeaderName,
            In = ParameterLocation.Header,
            Required = true,
            Description = "Chosen by the client, one per intended action. A retry with the same key and body returns the first "
                + "answer (or where its transaction stands now) and never sends a second transaction; the same key with another body is a 400.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[A-Za-z0-9_.:-]{1,128}$", MinLength = 1, MaxLength = 128 },
            Example = "resolve-7f3c9a2e",
        });
        return Task.CompletedTask;
    }
}
