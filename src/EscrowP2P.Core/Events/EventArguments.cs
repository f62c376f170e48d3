using System.Text.Json;

namespace EscrowP2P.Core.Events;

/// <summary>Event arguments as stored (a flat JSON object of strings).</summary>
public static class EventArguments
{
    public static string ToJson(IReadOnlyDictionary<string, string> arguments) => JsonSerializer.Serialize(arguments);

    public static IReadOnlyDictionary<string, string> Parse(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}
