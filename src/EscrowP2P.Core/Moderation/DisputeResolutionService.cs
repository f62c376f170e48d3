using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EscrowP2P.Chain;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Errors;
using EscrowP2P.Chain.Transactions;
using EscrowP2P.Core.Errors;
using EscrowP2P.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace EscrowP2P.Core.Moderation;

/// <summary>
/// Resolves disputes with the platform's moderator key: once per Idempotency-Key (a retry returns the first answer,
/// or the current outcome of the transaction it sent), audited from request to outcome.
/// </summary>
/// <remarks>
/// The caller's cancellation only ends the wait for the receipt. Once the key is taken, everything else runs to its
/// end on the host's stopping token, or none: a moderator whose browser or proxy gives up must not leave a sent
/// transaction unrecorded and its key free for a second one.
/// </remarks>
public sealed class DisputeResolutionService(EscrowDbContext db, EscrowService escrow, IHostApplicationLifetime host, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ModeratorActionResponse> ResolveAsync(ResolveDisputeCommand command, CancellationToken cancellationToken)
    {
        var stopping = host.ApplicationStopping;
        var requestHash = Fingerprint(command);
        var existing = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Scope == command.Moderator && r.Key == command.IdempotencyKey, cancellationToken);
        if (existing is not null) return await ReplayAsync(existing, requestHash);

        var record = new IdempotencyRecord { Scope = command.Moderator, Key = command.IdempotencyKey, RequestHash = requestHash, CreatedAt = time.GetUtcNow() };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(stopping);
        }
        catch (DbUpdateException)
        {
            // Another request with the same key got there first.
            db.ChangeTracker.Clear();
            var winner = await db.IdempotencyRecords.AsNoTracking()
                .SingleAsync(r => r.Scope == command.Moderator && r.Key == command.IdempotencyKey, stopping);
            return await ReplayAsync(winner, requestHash);
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
        await db.SaveChangesAsync(CancellationToken.None);

        var signed = false;
        ModeratorActionResponse response;
        try
        {
            response = await ExecuteAsync(command, record, audit, onSignedStored: () => signed = true, cancellationToken);
        }
        catch (Exception ex) when (!signed)
        {
            // Nothing was signed: record why and free the key so the moderator can retry.
            var refused = ex is NotFoundException or ForbiddenException or ConflictException;
            audit.Outcome = refused ? ModeratorActionOutcome.Rejected : ModeratorActionOutcome.Failed;
            audit.Error = ex is TransactionWouldRevertException revert ? revert.Error.ToString() : refused ? ex.Message : ex.GetType().Name;
            audit.CompletedAt = time.GetUtcNow();
            audit.TxHash = null;
            db.IdempotencyRecords.Remove(record);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            // Signed and stored: the key stays bound to that transaction, and a retry with it reports the transaction's
            // outcome (broadcasting the stored bytes again if the node never got them).
            audit.Outcome = ModeratorActionOutcome.Failed;
            audit.Error = ex.GetType().Name;
            audit.CompletedAt = time.GetUtcNow();
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        record.StatusCode = response.StatusCode;
        record.ResponseJson = response.Json;
        record.CompletedAt = time.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
        return response;
    }

    private async Task<ModeratorActionResponse> ExecuteAsync(
        ResolveDisputeCommand command, IdempotencyRecord record, ModeratorAuditEntry audit, Action onSignedStored, CancellationToken cancellationToken)
    {
        var stopping = host.ApplicationStopping;
        var trade = await escrow.GetTradeAsync(command.TradeId.ToBytes(), stopping);
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

        var transaction = await escrow.SendResolveDisputeAsync(command.TradeId.ToBytes(), command.BuyerBps, async signed =>
        {
            record.TxHash = signed.Hash;
            record.SignedTransaction = signed.Raw;
            audit.TxHash = signed.Hash;
            await db.SaveChangesAsync(CancellationToken.None);
            onSignedStored();
        }, stopping);
        audit.Outcome = ModeratorActionOutcome.Pending;
        await db.SaveChangesAsync(CancellationToken.None);

        var result = await escrow.WaitForOutcomeAsync(transaction.Hash, cancellationToken);
        Record(audit, result);
        return ToResponse(result);
    }

    private async Task<ModeratorActionResponse> ReplayAsync(IdempotencyRecord record, string requestHash)
    {
        if (record.RequestHash != requestHash)
        {
            throw new RequestFieldException("Idempotency-Key", "This Idempotency-Key was already used for a different request.");
        }
        if (record.StatusCode is { } status and not StatusCodes.Accepted && record.ResponseJson is not null)
        {
            return new ModeratorActionResponse(status, record.ResponseJson);
        }
        var txHash = record.TxHash ?? (record.StatusCode == StatusCodes.Accepted ? TxHashIn(record.ResponseJson!) : null);
        return txHash is null
            ? throw new ConflictException("A request with this Idempotency-Key is still being processed; retry shortly.")
            : await RefreshAsync(record, txHash);
    }

    /// <summary>
    /// A retry of a request that signed a transaction learns where that transaction stands: the stored answer and the
    /// audit entry follow it once it is mined. Nothing new is ever signed; a transaction the node lost is broadcast
    /// again from its stored bytes.
    /// </summary>
    private async Task<ModeratorActionResponse> RefreshAsync(IdempotencyRecord stored, string txHash)
    {
        ModeratorTransactionResult result;
        try
        {
            result = await escrow.GetOutcomeAsync(txHash, stored.SignedTransaction, host.ApplicationStopping);
        }
        catch (NodeRefusedException ex)
        {
            throw new ConflictException(
                $"The node refuses the signed transaction {txHash} again ({ex.Message}); nothing else is sent under this Idempotency-Key. "
                + "Retry later, or, if it can never be mined (another transaction took its nonce), resolve with a new key.",
                new Dictionary<string, object?> { ["txHash"] = txHash });
        }
        var response = ToResponse(result);
        if (result.Status == ModeratorTransactionResult.Pending) return response;

        var record = await db.IdempotencyRecords.SingleAsync(r => r.Scope == stored.Scope && r.Key == stored.Key, host.ApplicationStopping);
        record.StatusCode = response.StatusCode;
        record.ResponseJson = response.Json;
        record.CompletedAt ??= time.GetUtcNow();
        var audit = await db.ModeratorAudit.Where(a => a.TxHash == txHash).ToListAsync(host.ApplicationStopping);
        foreach (var entry in audit) Record(entry, result);
        await db.SaveChangesAsync(CancellationToken.None);
        return response;
    }

    private static string? TxHashIn(string responseJson) =>
        JsonDocument.Parse(responseJson).RootElement.TryGetProperty("txHash", out var hash) ? hash.GetString() : null;

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
