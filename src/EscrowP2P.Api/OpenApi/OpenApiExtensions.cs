using System.Text.Json;
using System.Text.Json.Serialization;
using Scalar.AspNetCore;

namespace EscrowP2P.Api.OpenApi;

public static class OpenApiExtensions
{
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>
    /// The OpenAPI 3.1 document: bearer security, every problem response, examples, operation ids for generated
    /// clients. The build writes it to openapi/escrowp2p.json.
    /// </summary>
    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        // The generator describes JSON by the minimal-API options, not the controllers' ones: enums go as strings there too.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddOpenApi(openApi =>
        {
            openApi.AddDocumentTransformer<ApiDocumentDescription>();
            openApi.AddOperationTransformer<OperationSummaryTransformer>();
            openApi.AddOperationTransformer<BearerRequirementTransformer>();
            openApi.AddOperationTransformer<IdempotencyKeyHeaderTransformer>();
            openApi.AddOperationTransformer<ProblemResponsesTransformer>();
            openApi.AddOperationTransformer<WireNamesTransformer>();
            openApi.AddSchemaTransformer<ExampleSchemaTransformer>();
        });
        return services;
    }

    /// <summary>The document in every environment, anonymously; the reference page in Development or with
    /// OpenApi:ReferencePage=true.</summary>
    public static WebApplication MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue("OpenApi:ReferencePage", false))
        {
            app.MapScalarApiReference(scalar => scalar.WithOpenApiRoutePattern(DocumentPath)).AllowAnonymous();
        }
        return app;
    }
}
