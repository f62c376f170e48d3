using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;

namespace EscrowP2P.Api.Infrastructure;

public static class ApiControllersExtensions
{
    /// <summary>
    /// Controllers with strict JSON (unknown fields are an error), FluentValidation on every argument, and RFC 9457
    /// problem details with a trace id for every error status.
    /// </summary>
    public static WebApplicationBuilder AddApiControllers(this WebApplicationBuilder builder)
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);

        builder.Services.AddControllers(mvc => mvc.Filters.Add<ValidationFilter>())
            .AddJsonOptions(json =>
            {
                json.JsonSerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
                json.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
                json.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            });

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<DomainExceptionHandler>();
        return builder;
    }
}
