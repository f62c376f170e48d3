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
    public int? StatusCode { get; set; }
    public string? ResponseJson { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
