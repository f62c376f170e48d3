using EscrowP2P.TestSupport;

namespace EscrowP2P.Bench;

/// <summary>The API fixture, with the event-following mode under measurement.</summary>
public sealed class BenchFixture(bool webSocketHeads, int pollIntervalMilliseconds) : EscrowApiFixture
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Events:PollIntervalMilliseconds"] = pollIntervalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!webSocketHeads) settings["Chain:WebSocketUrl"] = "";
        settings["Auth:PermitsPerMinute"] = "10000";
    }
}
