using System.Numerics;
using EscrowP2P.Api.Auth;
using EscrowP2P.Api.Infrastructure;
using EscrowP2P.Api.OpenApi;
using EscrowP2P.Chain;
using EscrowP2P.Core.Trades;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace EscrowP2P.Api.Trades;

[ApiController]
[Authorize]
[Route("api/p2p/trades")]
public sealed class TradePreparationController(TradePreparationService preparation) : ControllerBase
{
    /// <summary>
    /// The caller (seller) prepares a trade: returns its new id, the salt createTrade carries (the escrow derives the
    /// id from the seller and the salt) and the transactions to sign in order (approve first when the ERC-20 allowance
    /// is short, then createTrade).
    /// </summary>
    [HttpPost(Name = "prepareTrade")]
    [EnableRateLimiting(RateLimitPolicies.Prepare)]
    [ProducesResponseType<PreparedTrade>(StatusCodes.Status201Created)]
    [ProducesResponseType<ContractErrorProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ContractErrorProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    public async Task<ActionResult<PreparedTrade>> Prepare(PrepareTradeRequest request, CancellationToken cancellationToken)
    {
        var prepared = await preparation.PrepareAsync(new PrepareTradeCommand(
            User.Address(),
            EthereumAddress.Checksum(request.Buyer!),
            EthereumAddress.Checksum(request.Token!),
            BigInteger.Parse(request.Amount!, System.Globalization.CultureInfo.InvariantCulture),
            (ulong)request.PaymentWindowSeconds!.Value,
            request.OfferId,
            request.FiatAmount,
            request.FiatCurrency,
            request.PaymentMethod), cancellationToken);
        return Created($"/api/trades/{prepared.TradeId}", prepared);
    }
}
