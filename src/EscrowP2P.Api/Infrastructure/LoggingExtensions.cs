using System.Globalization;
using EscrowP2P.Api.Hubs;
using Serilog;
using Serilog.Formatting.Compact;

namespace EscrowP2P.Api.Infrastructure;

public static class LoggingExtensions
{
    /// <summary>Serilog from configuration: readable text in Development, compact JSON elsewhere.</summary>
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.With<AccessTokenRedactor>()
                .Filter.ByExcluding(HubRefusalLogFilter.IsDispatcherReportOfRefusal);
            if (builder.Environment.IsDevelopment()) logger.WriteTo.Console(formatProvider: CultureInfo.InvariantCulture);
            else logger.WriteTo.Console(new CompactJsonFormatter());
        }, preserveStaticLogger: true); // each host logs through its own logger, not the process-wide static one
        return builder;
    }

    /// <summary>One line per request, with the path but not the query string (where the hub's access_token travels).</summary>
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        // The host's own logger: the static one stays silent (see preserveStaticLogger above).
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        return app;
    }
}
