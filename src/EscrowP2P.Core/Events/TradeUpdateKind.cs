using System.Text.Json.Serialization;

namespace EscrowP2P.Core.Events;

/// <summary>What a <see cref="TradeUpdate"/> reports; clients read it as the lowercase string each member names.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TradeUpdateKind>))]
public enum TradeUpdateKind
{
    /// <summary>The event was first seen, with its confirmations so far.</summary>
    [JsonStringEnumMemberName("event")] Event,

    /// <summary>The event reached Events:ConfirmationDepth.</summary>
    [JsonStringEnumMemberName("confirmed")] Confirmed,

    /// <summary>A reorg orphaned the event.</summary>
    [JsonStringEnumMemberName("removed")] Removed,
}
