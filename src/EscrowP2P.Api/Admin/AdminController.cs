using System.Text.RegularExpressions;
using EscrowP2P.Api.Auth;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Core.Errors;
using EscrowP2P.Core.Moderation;
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
    [HttpGet("disputes")]
    public Task<Paged<TradeView>> Disputes([FromQuery] PageQuery query, CancellationToken cancellationToken) =>
        trades.ListByStatusAsync(TradeStatus.Disputed, query.Page, query.PageSize, cancellationToken);

    /// <summary>
    /// Resolves a dispute: the server signs with the moderator key, sends, and waits (bounded) for the receipt.
    /// 200 when mined, 202 while still pending. Retrying with the same Idempotency-Key returns the first answer, or
    /// where the transaction it sent stands now; it never sends a second one.
    /// </summary>
    [HttpPost("trades/{tradeId}/resolve")]
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
        var response = await disputes.ResolveAsync(
            new ResolveDisputeCommand(User.Address(), tradeId, (ushort)request.BuyerBps!.Value, request.Reason!, idempotencyKey),
            cancellationToken);
        return new ContentResult
        {
            StatusCode = response.StatusCode,
            Content = response.Json,
            ContentType = response.StatusCode >= 400 ? "application/problem+json" : "application/json",
        };
    }

    /// <summary>Every moderator action, newest first.</summary>
    [HttpGet("audit")]
    public Task<Paged<ModeratorAuditEntry>> Audit([FromQuery] PageQuery query, CancellationToken cancellationToken) =>
        audit.ListAsync(query.TradeId?.ToLowerInvariant(), query.Page, query.PageSize, cancellationToken);

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,128}$")]
    private static partial Regex IdempotencyKeyFormat();
}
