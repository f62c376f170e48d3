using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Api.OpenApi;

/// <summary>
/// The build runs the app under the OpenAPI document generator (Microsoft.Extensions.ApiDescription.Server), which
/// starts the host on a server that takes no requests and reads the document from it. That run needs no chain, no
/// database and no secrets, and must not touch the data folder of an app that is running from the same project.
/// </summary>
public static class ApiDocumentGeneration
{
    public static bool IsRunning { get; } = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    /// <summary>Under the generator: no background work (ingestion, chain checks, watchers) and no start-up
    /// validation of the options that name the chain, the keys and the servers.</summary>
    public static WebApplicationBuilder LeaveOutRuntimeWorkWhenDescribingApi(this WebApplicationBuilder builder)
    {
        if (!IsRunning) return builder;
        builder.Services.RemoveAll<IHostedService>();
        builder.Services.RemoveAll<IStartupValidator>();
        return builder;
    }
}
