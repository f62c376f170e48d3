namespace EscrowP2P.Core.Moderation;

/// <summary>One moderator action: who asked for what, when, the transaction it produced and its outcome.</summary>
public sealed class ModeratorAuditEntry
{
    public long Id { get; init; }
    public required string Moderator { get; init; }
    public required string Action { get; init; }
    public required string TradeId { get; init; }
    public int? BuyerBps { get; init; }
    public required string Reason { get; init; }
    public string? IdempotencyKey { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public string? TxHash { get; set; }
    public ModeratorActionOutcome Outcome { get; set; } = ModeratorActionOutcome.Requested;
    public long? BlockNumber { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
