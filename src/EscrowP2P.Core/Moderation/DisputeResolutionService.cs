using System.Security.Cryptography;
using System.Text;
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
/// Resolves disputes with the platform's moderator key: once per Idempotency-Key (a retry returns the first outcome,
/// or where the transaction it sent stands now), audited from request to outcome.
/// </summary>
/// <remarks>
/// The caller's cancellation only ends the wait for the receipt. Once the key is taken, everything else runs to its
/// end on the host's stopping token, or none: a moderator whose browser or proxy gives up must not leave a sent
/// transaction unrecorded and its key free for a second one.
/// </remarks>
public sealed class DisputeResolutionService(EscrowDbContext db, EscrowService escrow, IHostApplicationLifetime host, TimeProvider time)
{
    public async Task<ResolutionOutcome> ResolveAsync(ResolveDisputeCommand command, CancellationToken cancellationToken)
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
        ResolutionOutcome outcome;
        try
        {
            outcome = await ExecuteAsync(command, record, audit, onSignedStored: () => signed = true, cancellationToken);
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

        record.OutcomeJson = StoredResolutionOutcome.ToJson(outcome);
        record.CompletedAt = time.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
        return outcome;
    }

    private async Task<ResolutionOutcome> ExecuteAsync(
        ResolveDisputeCommand command, IdempotencyRecord record, ModeratorAuditEntry audit, Action onSignedStored, CancellationToken cancellationToken)
    {
        var stopping = host.ApplicationStopping;
        var trade = await escrow.GetTradeAsync(command.TradeId.ToBytes(), stopping);
        if (trade.Status != TradeStatus.Disputed)
        {
            audit.Outcome = ModeratorActionOutcome.Rejected;
            audit.Error = $"trade is {trade.Status}";
            audit.CompletedAt = time.GetUtcNow();
            return new ResolutionOutcome.NotDisputed(trade.Status);
        }
        if (trade.IsParty(command.Moderator))
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
        return new ResolutionOutcome.Sent(result);
    }

    private async Task<ResolutionOutcome> ReplayAsync(IdempotencyRecord record, string requestHash)
    {
        if (record.RequestHash != requestHash)
        {
            throw new RequestFieldException("Idempotency-Key", "This Idempotency-Key was already used for a different request.");
        }
        var stored = record.OutcomeJson is null ? null : StoredResolutionOutcome.FromJson(record.OutcomeJson);
        if (stored is not null and not ResolutionOutcome.Sent { Transaction.Status: ModeratorTransactionStatus.Pending }) return stored;

        var txHash = record.TxHash ?? (stored as ResolutionOutcome.Sent)?.Transaction.TxHash;
        return txHash is null
            ? throw new ConflictException("A request with this Idempotency-Key is still being processed; retry shortly.")
            : await RefreshAsync(record, txHash);
    }

    /// <summary>
    /// A retry of a request that signed a transaction learns where that transaction stands: the stored outcome and the
    /// audit entry follow it once it is mined. Nothing new is ever signed; a transaction the node lost is broadcast
    /// again from its stored bytes.
    /// </summary>
    private async Task<ResolutionOutcome> RefreshAsync(IdempotencyRecord stored, string txHash)
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
        var outcome = new ResolutionOutcome.Sent(result);
        if (result.Status == ModeratorTransactionStatus.Pending) return outcome;

        var record = await db.IdempotencyRecords.SingleAsync(r => r.Scope == stored.Scope && r.Key == stored.Key, host.ApplicationStopping);
        record.OutcomeJson = StoredResolutionOutcome.ToJson(outcome);
        record.CompletedAt ??= time.GetUtcNow();
        var audit = await db.ModeratorAudit.Where(a => a.TxHash == txHash).ToListAsync(host.ApplicationStopping);
        foreach (var entry in audit) Record(entry, result);
        await db.SaveChangesAsync(CancellationToken.None);
        return outcome;
    }

    private void Record(ModeratorAuditEntry audit, ModeratorTransactionResult result)
    {
        audit.TxHash = result.TxHash;
        audit.BlockNumber = result.BlockNumber;
        audit.Outcome = result.Status switch
        {
            ModeratorTransactionStatus.Mined => ModeratorActionOutcome.Mined,
            ModeratorTransactionStatus.Reverted => ModeratorActionOutcome.Reverted,
            _ => ModeratorActionOutcome.Pending,
        };
        audit.CompletedAt = time.GetUtcNow();
    }

    private static string Fingerprint(ResolveDisputeCommand command) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"resolve|{command.TradeId.Hex}|{command.BuyerBps}|{command.Reason}")));
}
