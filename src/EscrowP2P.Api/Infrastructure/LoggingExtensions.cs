using System.Globalization;
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
                .Enrich.FromLogContext();
            if (builder.Environment.IsDevelopment()) logger.WriteTo.Console(formatProvider: CultureInfo.InvariantCulture);
            else logger.WriteTo.Console(new CompactJsonFormatter());
        });
        return builder;
    }

    /// <summary>One line per request. Serilog logs the path without the query string, so the hub's access_token
    /// never reaches a log.</summary>
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging();
        return app;
    }
}
