using System.Collections.Concurrent;
using System.Diagnostics;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;

namespace EscrowP2P.Bench;

/// <summary>
/// Many hub connections of one user: memory per connection (client and server in this one process) and how long
/// one event takes to reach all of them.
/// </summary>
public static class FanOut
{
    public static async Task<string> MeasureAsync(BenchFixture app, int connections)
    {
        var buyer = DevAccounts.Traders[6];
        var before = MemoryInUse();
        var feeds = new List<TradeFeed>(connections);
        foreach (var batch in Enumerable.Range(0, connections).Chunk(50))
        {
            feeds.AddRange(await Task.WhenAll(batch.Select(_ => TradeFeed.ConnectAsync(app, buyer))));
        }
        var perConnectionKb = (MemoryInUse() - before) / 1024.0 / connections;

        try
        {
            var sender = new RawSender(app, DevAccounts.Traders[0]);
            var arrivals = new ConcurrentBag<double>();
            var tradeId = await sender.CreateTradeAsync(buyer);
            var mined = Stopwatch.GetTimestamp();
            await Task.WhenAll(feeds.Select(async feed =>
            {
                await feed.NextEventAsync(tradeId, "TradeCreated");
                arrivals.Add(Stopwatch.GetElapsedTime(mined).TotalMilliseconds);
            }));
            var all = arrivals.ToList();
            return $"fan-out to {connections} connections:             all received in {all.Max():F1} ms, {Percentiles.Summary(all)}; " +
                   $"{perConnectionKb:F1} KiB per connection (client + server, one process)";
        }
        finally
        {
            foreach (var feed in feeds) await feed.DisposeAsync();
        }
    }

    private static long MemoryInUse()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
