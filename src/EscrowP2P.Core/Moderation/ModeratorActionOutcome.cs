using System.Text.Json.Serialization;

namespace EscrowP2P.Core.Moderation;

/// <summary>Where a moderator action stands in the audit log; stored and written in JSON as the lowercase name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ModeratorActionOutcome>))]
public enum ModeratorActionOutcome
{
    [JsonStringEnumMemberName("requested")] Requested,
    [JsonStringEnumMemberName("mined")] Mined,
    [JsonStringEnumMemberName("reverted")] Reverted,
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("rejected")] Rejected,
    [JsonStringEnumMemberName("failed")] Failed,
}
