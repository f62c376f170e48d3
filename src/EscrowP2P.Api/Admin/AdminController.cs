using System.Text.RegularExpressions;
using EscrowP2P.Api.Auth;
using EscrowP2P.Api.OpenApi;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Transactions;
using EscrowP2P.Core.Errors;
using EscrowP2P.Core.Moderation;
using EscrowP2P.Core.Paging;
using EscrowP2P.Core.Trades;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EscrowP2P.Api.Admin;

[ApiController]
[Authorize(Policy = Policies.Moderator)]
[Route("api/admin")]
public sealed partial class AdminController(TradeQueries trades, DisputeResolutionService disputes, AuditQueries audit) : ControllerBase
{
    /// <summary>Trades waiting for a moderator, oldest first.</summary>
    [HttpGet("disputes", Name = "listDisputes")]
    public Task<Paged<TradeView>> Disputes([FromQuery] AdminPageQuery query, CancellationToken cancellationToken) =>
        trades.ListByStatusAsync(TradeStatus.Disputed, query.Page, query.PageSize, cancellationToken);

    /// <summary>
    /// Resolves a dispute: the server signs with the moderator key, sends, and waits (bounded) for the receipt.
    /// 200 when mined or reverted, 202 while still pending, 409 when the trade is not disputed. Retrying with the same
    /// Idempotency-Key returns the first answer, or where the transaction it sent stands now; it never sends a second one.
    /// </summary>
    [HttpPost("trades/{tradeId}/resolve", Name = "resolveDispute")]
    [ProducesResponseType<ModeratorTransactionResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ModeratorTransactionResult>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ContractErrorProblemDetails>(StatusCodes.Status409Conflict)]
    [IdempotencyKeyHeader]
    public async Task<IActionResult> Resolve(
        TradeId tradeId,
        ResolveDisputeRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(idempotencyKey) || !IdempotencyKeyFormat().IsMatch(idempotencyKey))
        {
            throw new RequestFieldException("Idempotency-Key", "The Idempotency-Key header is required: 1 to 128 characters of letters, digits, '-', '_', '.', ':'.");
        }
        var outcome = await disputes.ResolveAsync(
            new ResolveDisputeCommand(User.Address(), tradeId, (ushort)request.BuyerBps!.Value, request.Reason!, idempotencyKey),
            cancellationToken);
        return outcome switch
        {
            ResolutionOutcome.Sent { Transaction.Status: ModeratorTransactionStatus.Pending } sent => Accepted(sent.Transaction),
            ResolutionOutcome.Sent sent => Ok(sent.Transaction),
            ResolutionOutcome.NotDisputed refused => Problem(
                title: "Conflict",
                detail: $"Only a disputed trade can be resolved; this one is {refused.TradeStatus}.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["tradeStatus"] = refused.TradeStatus.ToString() }),
            _ => throw new InvalidOperationException($"unexpected resolution outcome {outcome}"),
        };
    }

    /// <summary>Every moderator action, newest first.</summary>
    [HttpGet("audit", Name = "listAuditEntries")]
    public Task<Paged<ModeratorAuditEntry>> Audit([FromQuery] AdminPageQuery query, CancellationToken cancellationToken) =>
        audit.ListAsync(query.TradeId?.ToLowerInvariant(), query.Page, query.PageSize, cancellationToken);

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,128}$")]
    private static partial Regex IdempotencyKeyFormat();
}
