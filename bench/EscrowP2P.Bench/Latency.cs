using System.Diagnostics;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;

namespace EscrowP2P.Bench;

/// <summary>
/// Transaction mined → SignalR message received. On anvil's automine the block is mined when
/// eth_sendRawTransaction returns, so the clock starts there and stops when the buyer's client gets TradeCreated.
/// </summary>
public static class Latency
{
    public static async Task<IReadOnlyList<double>> MeasureAsync(BenchFixture app, int events)
    {
        var seller = DevAccounts.Traders[0];
        var buyer = DevAccounts.Traders[1];
        await using var feed = await TradeFeed.ConnectAsync(app, buyer);
        var sender = new RawSender(app, seller);
        var samples = new List<double>(events);
        for (var i = -10; i < events; i++)
        {
            var tradeId = await sender.CreateTradeAsync(buyer);
            var mined = Stopwatch.GetTimestamp();
            await feed.NextEventAsync(tradeId, "TradeCreated");
            if (i >= 0) samples.Add(Stopwatch.GetElapsedTime(mined).TotalMilliseconds);
        }
        return samples;
    }
}
