using EscrowP2P.Core.Offers;

namespace EscrowP2P.Api.Offers;

public static class OffersExtensions
{
    /// <summary>Sellers' standing offers.</summary>
    public static WebApplicationBuilder AddOffers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OfferService>();
        return builder;
    }
}
