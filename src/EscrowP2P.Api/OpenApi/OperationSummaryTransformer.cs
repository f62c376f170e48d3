using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EscrowP2P.Api.OpenApi;

/// <summary>
/// An action's XML summary arrives whole as the operation summary; generated clients and reference pages show a
/// summary as one line, so its first sentence stays the summary and the rest becomes the description.
/// </summary>
public sealed class OperationSummaryTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Summary is not { } summary) return Task.CompletedTask;
        var text = string.Join(' ', summary.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        operation.Summary = end < 0 ? text : text[..(end + 1)];
        if (end >= 0 && string.IsNullOrEmpty(operation.Description)) operation.Description = text;
        return Task.CompletedTask;
    }
}
