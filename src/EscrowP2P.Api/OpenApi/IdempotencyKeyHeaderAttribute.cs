namespace EscrowP2P.Api.OpenApi;

/// <summary>
/// Marks an action whose Idempotency-Key header is required; the action checks the header itself (so a missing key
/// is a 400 naming it), and <see cref="IdempotencyKeyHeaderTransformer"/> tells the document.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdempotencyKeyHeaderAttribute : Attribute;
