using Microsoft.AspNetCore.SignalR;
using Serilog.Events;

namespace EscrowP2P.Api.Hubs;

/// <summary>
/// SignalR's hub dispatcher logs every exception a hub method throws at Error with its stack trace, HubException
/// included. A HubException is how our hub answers an expected refusal (and the hub logs the refusal itself, at
/// Information), so those entries are dropped; any other exception in a hub method is still logged as an error.
/// </summary>
public static class HubRefusalLogFilter
{
    private const string HubDispatcher = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public static bool IsDispatcherReportOfRefusal(LogEvent logEvent) =>
        logEvent.Exception is HubException
        && logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: HubDispatcher };
}
