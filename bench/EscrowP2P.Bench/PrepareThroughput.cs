using System.Collections.Concurrent;
using System.Diagnostics;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;

namespace EscrowP2P.Bench;

/// <summary>Unsigned-transaction requests per second (each read, checked and simulated against the node), with latency.</summary>
public static class PrepareThroughput
{
    public static async Task<string> MeasureAsync(BenchFixture app, TimeSpan duration, int concurrency)
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[4], DevAccounts.Traders[5]);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000);
        using var buyer = await app.ClientForAsync(trade.Buyer);
        var path = new Uri($"/api/trades/{trade.TradeId}/mark-paid", UriKind.Relative);
        var samples = new ConcurrentBag<double>();
        var failures = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await buyer.PostAsync(path, content: null);
                if (response.IsSuccessStatusCode) samples.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                else Interlocked.Increment(ref failures);
            }
        }));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var latencies = samples.ToList();
        return $"prepare throughput (mark-paid, {concurrency} clients): {latencies.Count / seconds:F0} req/s, {Percentiles.Summary(latencies)}, {failures} failed";
    }
}
