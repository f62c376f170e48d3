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
        if (existing is not null) return await ReplayAsync(existing, requestHash, cancellationToken);

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
            return await ReplayAsync(winner, requestHash, cancellationToken);
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
            return new ModeratorActionResponse(StatusCodes.Conflict, JsonSerializer.Serialize(problem, Json));
        }
        if (trade.Seller.Equals(command.Moderator, StringComparison.OrdinalIgnoreCase) || trade.Buyer.Equals(command.Moderator, StringComparison.OrdinalIgnoreCase))
        {
            throw new ForbiddenException("A moderator cannot resolve a trade they are a party of.");
        }

        var result = await escrow.ResolveDisputeAsync(command.TradeId.ToBytes(), command.BuyerBps, cancellationToken);
        Record(audit, result);
        return ToResponse(result);
    }

    private async Task<ModeratorActionResponse> ReplayAsync(IdempotencyRecord record, string requestHash, CancellationToken cancellationToken)
    {
        if (record.RequestHash != requestHash)
        {
            throw new RequestFieldException("Idempotency-Key", "This Idempotency-Key was already used for a different request.");
        }
        if (record.StatusCode is not { } status || record.ResponseJson is null)
        {
            throw new ConflictException("A request with this Idempotency-Key is still being processed; retry shortly.");
        }
        return status == StatusCodes.Accepted
            ? await RefreshPendingAsync(record, cancellationToken)
            : new ModeratorActionResponse(status, record.ResponseJson);
    }

    /// <summary>
    /// A retry of a request that answered "pending" learns the transaction's outcome once it is mined: the stored
    /// answer and the audit entry are brought up to date, still without sending anything again.
    /// </summary>
    private async Task<ModeratorActionResponse> RefreshPendingAsync(IdempotencyRecord stored, CancellationToken cancellationToken)
    {
        var txHash = JsonDocument.Parse(stored.ResponseJson!).RootElement.GetProperty("txHash").GetString()!;
        var result = await escrow.GetOutcomeAsync(txHash, cancellationToken);
        var response = ToResponse(result);
        if (result.Status == ModeratorTransactionResult.Pending) return response;

        var record = await db.IdempotencyRecords.SingleAsync(r => r.Scope == stored.Scope && r.Key == stored.Key, cancellationToken);
        record.StatusCode = response.StatusCode;
        record.ResponseJson = response.Json;
        var audit = await db.ModeratorAudit.Where(a => a.TxHash == txHash).ToListAsync(cancellationToken);
        foreach (var entry in audit) Record(entry, result);
        await db.SaveChangesAsync(cancellationToken);
        return response;
    }

    private void Record(ModeratorAuditEntry audit, ModeratorTransactionResult result)
    {
        audit.TxHash = result.TxHash;
        audit.BlockNumber = result.BlockNumber;
        audit.Outcome = result.Status switch
        {
            ModeratorTransactionResult.Mined => ModeratorActionOutcome.Mined,
            ModeratorTransactionResult.Reverted => ModeratorActionOutcome.Reverted,
            _ => ModeratorActionOutcome.Pending,
        };
        audit.CompletedAt = time.GetUtcNow();
    }

    private static ModeratorActionResponse ToResponse(ModeratorTransactionResult result) => new(
        result.Status == ModeratorTransactionResult.Pending ? StatusCodes.Accepted : StatusCodes.OK,
        JsonSerializer.Serialize(new { txHash = result.TxHash, status = result.Status, blockNumber = result.BlockNumber }, Json));

    private static string Fingerprint(ResolveDisputeCommand command) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"resolve|{command.TradeId.Hex}|{command.BuyerBps}|{command.Reason}")));
}

/// <summary>HTTP status codes of the answers this service stores for replay.</summary>
internal static class StatusCodes
{
    public const int OK = 200;
    public const int Accepted = 202;
    public const int Conflict = 409;
}
