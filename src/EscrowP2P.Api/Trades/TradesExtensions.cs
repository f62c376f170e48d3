using EscrowP2P.Chain;
using EscrowP2P.Core.Moderation;
using EscrowP2P.Core.Offers;
using EscrowP2P.Core.Trades;
using Microsoft.AspNetCore.OpenApi;

namespace EscrowP2P.Api.Trades;

public static class TradesExtensions
{
    /// <summary>Trades, offers and moderation: the services behind the REST controllers.</summary>
    public static WebApplicationBuilder AddTrading(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TradeOptions>().BindConfiguration(TradeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PreparationLifetime>();
        builder.Services.AddScoped<OpenPreparations>();
        builder.Services.AddSingleton<EscrowParameters>();
        builder.Services.AddScoped<TradePreparationService>();
        builder.Services.AddScoped<TradeActionService>();
        builder.Services.AddScoped<TradeQueries>();
        builder.Services.AddScoped<OfferService>();
        builder.Services.AddScoped<DisputeResolutionService>();
        builder.Services.AddScoped<AuditQueries>();
        builder.Services.ConfigureAll<OpenApiOptions>(openApi => openApi.AddSchemaTransformer<TradeIdSchemaTransformer>());
        return builder;
    }
}
