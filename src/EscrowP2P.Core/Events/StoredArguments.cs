using System.Text.Json;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Core.Trades;

namespace EscrowP2P.Core.Events;

/// <summary>How a trade event's arguments are stored (<see cref="TradeEvent.DataJson"/>): a flat JSON object of the strings clients see.</summary>
public static class StoredArguments
{
    public static string ToJson(ITradeEvent e) => JsonSerializer.Serialize(EventArguments.Of(e));

    public static IReadOnlyDictionary<string, string> Of(TradeEvent row) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(row.DataJson) ?? [];

    /// <summary>The typed event a stored row holds.</summary>
    public static ITradeEvent EventOf(TradeEvent row) => TradeEvents.FromArguments(row.Name, Of(row));
}
