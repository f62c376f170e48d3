using System.Text.Json.Serialization;

namespace EscrowP2P.Chain.Transactions;

/// <summary>Where a server-signed transaction stands; in JSON "mined", "reverted" or "pending".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ModeratorTransactionStatus>))]
public enum ModeratorTransactionStatus
{
    [JsonStringEnumMemberName("mined")] Mined,
    [JsonStringEnumMemberName("reverted")] Reverted,
    [JsonStringEnumMemberName("pending")] Pending,
}
