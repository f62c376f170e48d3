using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EscrowP2P.Chain;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Transactions;
using EscrowP2P.Core.Errors;
using EscrowP2P.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Core.Moderation;

/// <summary>
/// Resolves disputes with the platform's moderator key: once per Idempotency-Key (a retry returns the first
/// answer), audited from request to outcome.
/// </summary>
public sealed class DisputeResolutionService(EscrowDbContext db, EscrowService escrow, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ModeratorActionResponse> ResolveAsync(ResolveDisputeCommand command, CancellationToken cancellationToken)
    {
        var requestHash = Fingerprint(command);
        var existing = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Scope == command.Moderator && r.Key == command.IdempotencyKey, cancellationToken);
        if (existing is not null) return Replay(existing, requestHash);

        var record = new IdempotencyRecord { Scope = command.Moderator, Key = command.IdempotencyKey, RequestHash = requestHash, CreatedAt = time.GetUtcNow() };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request with the same key got there first.
            db.ChangeTracker.Clear();
            var winner = await db.IdempotencyRecords.AsNoTracking()
                .SingleAsync(r => r.Scope == command.Moderator && r.Key == command.IdempotencyKey, cancellationToken);
            return Replay(winner, requestHash);
        }

        var audit = new ModeratorAuditEntry
        {
            Moderator = command.Moderator,
            Action = "resolve",
            TradeId = command.TradeId.Hex,
            BuyerBps = command.BuyerBps,
            Reason = command.Reason,
            IdempotencyKey = command.IdempotencyKey,
            RequestedAt = time.GetUtcNow(),
        };
        db.ModeratorAudit.Add(audit);
        await db.SaveChangesAsync(cancellationToken);

        ModeratorActionResponse response;
        try
        {
            response = await ExecuteAsync(command, audit, cancellationToken);
        }
        catch (Exception ex)
        {
            // Nothing was decided: record why and free the key so the moderator can retry.
            var refused = ex is NotFoundException or ForbiddenException or ConflictException;
            audit.Outcome = refused ? ModeratorActionOutcome.Rejected : ModeratorActionOutcome.Failed;
            audit.Error = ex is Chain.Errors.TransactionWouldRevertException revert ? revert.Error.ToString() : refused ? ex.Message : ex.GetType().Name;
            audit.CompletedAt = time.GetUtcNow();
            db.IdempotencyRecords.Remove(record);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        record.StatusCode = response.StatusCode;
        record.ResponseJson = response.Json;
        record.CompletedAt = time.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
        return response;
    }

    private async Task<ModeratorActionResponse> ExecuteAsync(ResolveDisputeCommand command, ModeratorAuditEntry audit, CancellationToken cancellationToken)
    {
        var trade = await escrow.GetTradeAsync(command.TradeId.ToBytes(), cancellationToken);
        if (trade.Status != TradeStatus.Disputed)
        {
            audit.Outcome = ModeratorActionOutcome.Rejected;
            audit.Error = $"trade is {trade.Status}";
            audit.CompletedAt = time.GetUtcNow();
            var problem = new { status = 409, title = "Conflict", detail = $"Only a disputed trade can be resolved; this one is {trade.Status}.", tradeStatus = trade.Status.ToString() };
            return new ModeratorActionResponse(409, JsonSerializer.Serialize(problem, Json));
        }
        if (trade.Seller.Equals(command.Moderator, StringComparison.OrdinalIgnoreCase) || trade.Buyer.Equals(command.Moderator, StringComparison.OrdinalIgnoreCase))
        {
            throw new ForbiddenException("A moderator cannot resolve a trade they are a party of.");
        }

        var result = await escrow.ResolveDisputeAsync(command.TradeId.ToBytes(), command.BuyerBps, cancellationToken);
        audit.TxHash = result.TxHash;
        audit.BlockNumber = result.BlockNumber;
        audit.Outcome = result.Status switch
        {
            ModeratorTransactionResult.Mined => ModeratorActionOutcome.Mined,
            ModeratorTransactionResult.Reverted => ModeratorActionOutcome.Reverted,
            _ => ModeratorActionOutcome.Pending,
        };
        audit.CompletedAt = time.GetUtcNow();
        var statusCode = result.Status == ModeratorTransactionResult.Pending ? 202 : 200;
        return new ModeratorActionResponse(statusCode, JsonSerializer.Serialize(new { txHash = result.TxHash, status = result.Status, blockNumber = result.BlockNumber }, Json));
    }

    private static ModeratorActionResponse Replay(IdempotencyRecord record, string requestHash)
    {
        if (record.RequestHash != requestHash)
        {
            throw new RequestFieldException("Idempotency-Key", "This Idempotency-Key was already used for a different request.");
        }
        if (record.StatusCode is not { } status || record.ResponseJson is null)
        {
            throw new ConflictException("A request with this Idempotency-Key is still being processed; retry shortly.");
        }
        return new ModeratorActionResponse(status, record.ResponseJson);
    }

    private static string Fingerprint(ResolveDisputeCommand command) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"resolve|{command.TradeId.Hex}|{command.BuyerBps}|{command.Reason}")));
}
