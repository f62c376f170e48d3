using System.Text.Json;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Transactions;

namespace EscrowP2P.Core.Moderation;

/// <summary>
/// A <see cref="ResolutionOutcome"/> as the idempotency record keeps it: the transaction as
/// <c>{txHash, status, blockNumber}</c>, a refusal as <c>{tradeStatus}</c>. Records written before the outcome had a
/// type hold the HTTP body that was answered — the same transaction object, or a problem with a <c>tradeStatus</c> —
/// and read the same way.
/// </summary>
public static class StoredResolutionOutcome
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ToJson(ResolutionOutcome outcome) => outcome switch
    {
        ResolutionOutcome.Sent sent => JsonSerializer.Serialize(sent.Transaction, Json),
        ResolutionOutcome.NotDisputed refused => JsonSerializer.Serialize(new { tradeStatus = refused.TradeStatus.ToString() }, Json),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static ResolutionOutcome FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var stored = document.RootElement;
        return stored.TryGetProperty("tradeStatus", out var tradeStatus)
            ? new ResolutionOutcome.NotDisputed(Enum.Parse<TradeStatus>(tradeStatus.GetString()!))
            : new ResolutionOutcome.Sent(stored.Deserialize<ModeratorTransactionResult>(Json)!);
    }
}
