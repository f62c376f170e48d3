namespace EscrowP2P.Core.Moderation;

/// <summary>A moderator's decision on a disputed trade, with the Idempotency-Key that makes retries safe.</summary>
public sealed record ResolveDisputeCommand(string Moderator, Chain.Contracts.TradeId TradeId, ushort BuyerBps, string Reason, string IdempotencyKey);

/// <summary>The HTTP outcome of a moderator action, stored so a retry with the same key gets exactly the same answer.</summary>
public sealed record ModeratorActionResponse(int StatusCode, string Json);
