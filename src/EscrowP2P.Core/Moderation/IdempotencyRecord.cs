namespace EscrowP2P.Core.Moderation;

/// <summary>
/// The first outcome of a request sent with an Idempotency-Key, so a retry returns it instead of acting twice.
/// Keys are scoped to the caller.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string Scope { get; init; }
    public required string Key { get; init; }
    /// <summary>A hash of the request, so a key reused for a different request is refused.</summary>
    public required string RequestHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>
    /// The transaction the request signed, stored before it was broadcast: once set, the key stays bound to it, and a
    /// retry reports its outcome or broadcasts these very bytes again.
    /// </summary>
    public string? TxHash { get; set; }
    public string? SignedTransaction { get; set; }
    /// <summary>
    /// What the request came to (see <see cref="StoredResolutionOutcome"/>), kept pending until a retry finds its
    /// transaction mined or reverted; null while the first request runs, or when it failed.
    /// </summary>
    public string? OutcomeJson { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
