using System.Diagnostics;
using EscrowP2P.DevChain;

namespace EscrowP2P.Bench;

/// <summary>Historical events ingested per second when the app starts cold (empty database) on a chain that has them.</summary>
public static class CatchUp
{
    public static async Task<string> MeasureAsync(BenchFixture app, int trades)
    {
        var sender = new RawSender(app, DevAccounts.Traders[2]);
        await app.StopAppAsync();
        for (var i = 0; i < trades; i++) await sender.CreateTradeAsync(DevAccounts.Traders[3]);
        await app.DeleteDatabaseAsync();

        var started = Stopwatch.GetTimestamp();
        app.StartApp();
        await app.WaitForIngestionAsync();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return $"catch-up from a cold start:                {trades} events in {seconds:F2} s = {trades / seconds:F0} events/s (including app start)";
    }
}
