using EscrowP2P.Core.Trades;
using Microsoft.AspNetCore.OpenApi;

namespace EscrowP2P.Api.Trades;

public static class TradesExtensions
{
    /// <summary>Preparing trades, the parties' actions on them, and reading them.</summary>
    public static WebApplicationBuilder AddTrades(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TradeOptions>().BindConfiguration(TradeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PreparationLifetime>();
        builder.Services.AddScoped<OpenPreparations>();
        builder.Services.AddScoped<TradePreparationService>();
        builder.Services.AddScoped<TradeActionService>();
        builder.Services.AddScoped<TradeQueries>();
        builder.Services.ConfigureAll<OpenApiOptions>(openApi => openApi.AddSchemaTransformer<TradeIdSchemaTransformer>());
        return builder;
    }
}
