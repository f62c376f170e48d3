using EscrowP2P.Api.Auth;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Transactions;
using EscrowP2P.Core.Paging;
using EscrowP2P.Core.Trades;
using Microsoft.AspNetCore.Authorization;
using EscrowP2P.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace EscrowP2P.Api.Trades;

[ApiController]
[Authorize]
[Route("api/trades")]
public sealed class TradesController(TradeQueries queries, TradeActionService actions) : ControllerBase
{
    /// <summary>The caller's trades, newest activity first.</summary>
    [HttpGet(Name = "listTrades")]
    public Task<Paged<TradeView>> List([FromQuery] ListTradesQuery query, CancellationToken cancellationToken) =>
        queries.ListAsync(User.Address(), query.Role, query.Status, query.Page, query.PageSize, cancellationToken);

    /// <summary>One trade the caller is a party of (or any, for a moderator), with its whole event history.</summary>
    [HttpGet("{tradeId}", Name = "getTrade")]
    [ProducesResponseType<TradeView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public Task<TradeView> Get(TradeId tradeId, CancellationToken cancellationToken) =>
        queries.GetAsync(tradeId, User.Address(), User.IsModerator(), cancellationToken);

    /// <summary>Buyer: the fiat payment is sent. From then on the seller can no longer cancel.</summary>
    [HttpPost("{tradeId}/mark-paid", Name = "markTradePaid")]
    [ProducesResponseType<UnsignedTransaction>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ContractErrorProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ContractErrorProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public Task<UnsignedTransaction> MarkPaid(TradeId tradeId, CancellationToken cancellationToken) =>
        actions.PrepareAsync(TradeAction.MarkPaid, tradeId, User.Address(), cancellationToken);

    /// <summary>Seller: release the crypto to the buyer (minus the fee).</summary>
    [HttpPost("{tradeId}/release", Name = "releaseTrade")]
    [ProducesResponseType<UnsignedTransaction>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ContractErrorProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ContractErrorProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public Task<UnsignedTransaction> Release(TradeId tradeId, CancellationToken cancellationToken) =>
        actions.PrepareAsync(TradeAction.Release, tradeId, User.Address(), cancellationToken);

    /// <summary>Buyer while funded or paid; seller only while funded and after expiry plus the grace period.</summary>
    [HttpPost("{tradeId}/cancel", Name = "cancelTrade")]
    [ProducesResponseType<UnsignedTransaction>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ContractErrorProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ContractErrorProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public Task<UnsignedTransaction> Cancel(TradeId tradeId, CancellationToken cancellationToken) =>
        actions.PrepareAsync(TradeAction.Cancel, tradeId, User.Address(), cancellationToken);

    /// <summary>Either party, once the trade is marked paid.</summary>
    [HttpPost("{tradeId}/dispute", Name = "disputeTrade")]
    [ProducesResponseType<UnsignedTransaction>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ContractErrorProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ContractErrorProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public Task<UnsignedTransaction> Dispute(TradeId tradeId, CancellationToken cancellationToken) =>
        actions.PrepareAsync(TradeAction.Dispute, tradeId, User.Address(), cancellationToken);
}
