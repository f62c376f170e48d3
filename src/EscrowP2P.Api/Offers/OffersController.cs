using EscrowP2P.Api.Auth;
using EscrowP2P.Api.Infrastructure;
using EscrowP2P.Chain;
using EscrowP2P.Core.Offers;
using EscrowP2P.Core.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace EscrowP2P.Api.Offers;

[ApiController]
[Route("api/p2p/offers")]
public sealed class OffersController(OfferService offers, TimeProvider time) : ControllerBase
{
    /// <summary>Open offers, newest first; anyone may browse.</summary>
    [HttpGet(Name = "listOffers")]
    [AllowAnonymous]
    public Task<Paged<Offer>> List([FromQuery] ListOffersQuery query, CancellationToken cancellationToken) =>
        offers.ListOpenAsync(
            query.Token is null ? null : EthereumAddress.Checksum(query.Token),
            query.FiatCurrency,
            query.Seller is null ? null : EthereumAddress.Checksum(query.Seller),
            query.Page, query.PageSize, cancellationToken);

    /// <summary>The caller publishes an offer to sell.</summary>
    [HttpPost(Name = "createOffer")]
    [Authorize]
    [EnableRateLimiting(RateLimitPolicies.OfferChanges)]
    [ProducesResponseType<Offer>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    public async Task<ActionResult<Offer>> Create(CreateOfferRequest request, CancellationToken cancellationToken)
    {
        var offer = await offers.CreateAsync(new Offer
        {
            Id = Guid.NewGuid(),
            Seller = User.Address(),
            Token = EthereumAddress.Checksum(request.Token!),
            MinAmount = request.MinAmount!,
            MaxAmount = request.MaxAmount!,
            Price = request.Price!,
            FiatCurrency = request.FiatCurrency!,
            PaymentMethods = request.PaymentMethods!,
            PaymentWindowSeconds = request.PaymentWindowSeconds!.Value,
            Terms = request.Terms,
            CreatedAt = time.GetUtcNow(),
        }, cancellationToken);
        return Created($"/api/p2p/offers/{offer.Id}", offer);
    }

    /// <summary>The offer's seller withdraws it.</summary>
    [HttpDelete("{offerId:guid}", Name = "withdrawOffer")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [Authorize]
    [EnableRateLimiting(RateLimitPolicies.OfferChanges)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    public async Task<IActionResult> Withdraw(Guid offerId, CancellationToken cancellationToken)
    {
        await offers.WithdrawAsync(offerId, User.Address(), cancellationToken);
        return NoContent();
    }
}
