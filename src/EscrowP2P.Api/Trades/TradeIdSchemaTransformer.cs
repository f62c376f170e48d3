using EscrowP2P.Chain.Contracts;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EscrowP2P.Api.Trades;

/// <summary>
/// Describes a <see cref="TradeId"/> in the OpenAPI document as what it is on the wire, a 0x-hex string; its JSON
/// converter hides that from the schema generator, which would otherwise describe it as anything.
/// </summary>
public sealed class TradeIdSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(TradeId))
        {
            schema.Type = JsonSchemaType.String;
            schema.Pattern = "^0x[0-9a-fA-F]{64}$";
        }
        return Task.CompletedTask;
    }
}
