using System.Diagnostics;
using System.Numerics;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Events;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;
using Nethereum.RPC.Eth.DTOs;
using Xunit.Abstractions;

namespace EscrowP2P.TopologyTests;

/// <summary>The ingesting instance is killed (SIGKILL) while trades keep coming: the other takes over from the stored cursor.</summary>
public sealed class LeaderFailoverTests(TwoInstanceTopology topology, ITestOutputHelper output) : IClassFixture<TwoInstanceTopology>
{
    private const int TradesBeforeKill = 8;
    private const int TradesAfterKill = 12;
    private readonly TopologyClients _clients = new(topology);

    [Fact]
    public async Task Killing_the_leader_mid_stream_loses_and_doubles_nothing_and_clients_resume_with_afterSeq()
    {
        var (leader, follower) = await InstanceReadiness.LeaderAndFollowerAsync(topology.Instances);
        var seller = DevAccounts.Traders[2];
        var buyer = DevAccounts.Traders[3];
        // The buyer watches from the instance that survives; the seller from the one that is killed.
        await using var survivorFeed = await TradeFeed.ConnectAsync(follower.BaseAddress, await _clients.TokenForAsync(buyer));
        var doomedFeed = await TradeFeed.ConnectAsync(leader.BaseAddress, await _clients.TokenForAsync(seller));

        var trades = new List<TradeId>();
        for (var i = 0; i < TradesBeforeKill; i++) trades.Add(await OpenAndPayAsync(seller, buyer, i));

        var sinceKill = Stopwatch.StartNew();
        await leader.KillAsync();
        await doomedFeed.DisposeAsync();
        var firstAfterKill = await OpenAndPayAsync(seller, buyer, TradesBeforeKill);
        trades.Add(firstAfterKill);
        await WaitUntilStoredAsync(follower, buyer, firstAfterKill);
        var failover = sinceKill.Elapsed;
        for (var i = TradesBeforeKill + 1; i < TradesBeforeKill + TradesAfterKill; i++) trades.Add(await OpenAndPayAsync(seller, buyer, i));

        await InstanceReadiness.WaitUntilLeadingAsync(follower);
        var head = await topology.HeadAsync();
        await InstanceReadiness.WaitForCursorAsync(follower, head);
        output.WriteLine($"leader killed → first event after the kill stored by the new leader: {failover.TotalMilliseconds:F0} ms");

        // The store holds exactly the chain's escrow logs: no gap, no duplicate.
        var chainLogs = await EscrowTradeLogsAsync(head);
        var stored = new List<(string Tx, long LogIndex, string TradeId, long Seq)>();
        foreach (var trade in trades)
        {
            var view = await _clients.TradeAsync(buyer, trade, follower.BaseAddress);
            foreach (var e in view.GetProperty("events").EnumerateArray())
            {
                e.GetProperty("removed").GetBoolean().ShouldBeFalse();
                stored.Add((e.GetProperty("transactionHash").GetString()!, e.GetProperty("logIndex").GetInt64(), trade.Hex, e.GetProperty("seq").GetInt64()));
            }
        }
        stored.Select(s => (s.Tx, s.LogIndex)).OrderBy(s => s).ShouldBe(chainLogs.OrderBy(l => l));
        foreach (var perTrade in stored.GroupBy(s => s.TradeId))
        {
            perTrade.Select(s => s.Seq).Distinct().Count().ShouldBe(perTrade.Count(), $"seq repeated in {perTrade.Key}");
        }

        // Clients fill what they missed live by rejoining each trade after the last seq they hold.
        await using var resumedSellerFeed = await TradeFeed.ConnectAsync(follower.BaseAddress, await _clients.TokenForAsync(seller));
        foreach (var feed in new[] { survivorFeed, resumedSellerFeed })
        {
            var live = feed.Drain().Where(u => u.Kind == TradeUpdate.EventKind).ToList();
            foreach (var trade in trades)
            {
                var seen = live.Where(u => u.TradeId == trade.Hex).Select(u => u.Seq).ToHashSet();
                var snapshot = await feed.JoinAsync(trade.Hex, ContiguousFrom(seen));
                var held = seen.Concat(snapshot.Events.Select(e => e.Seq)).ToHashSet();
                stored.Where(s => s.TradeId == trade.Hex).Select(s => s.Seq).ShouldAllBe(seq => held.Contains(seq), $"{trade.Hex} after rejoining");
            }
        }
    }

    private async Task<TradeId> OpenAndPayAsync(DevAccount seller, DevAccount buyer, int index)
    {
        var trade = await topology.CreateEthTradeAsync(seller, buyer, BigInteger.Pow(10, 15) + index);
        await topology.MarkPaidAsync(buyer, trade);
        return trade;
    }

    /// <summary>
    /// Polls the surviving instance's REST API until the trade's events are stored. Takeover takes about a second; the
    /// limit is far above that, yet below the minute a dead leader's lock once outlived it by.
    /// </summary>
    private async Task WaitUntilStoredAsync(TestSupport.Servers.ApiProcess instance, DevAccount reader, TradeId trade)
    {
        using var client = await _clients.ClientForAsync(reader, instance.BaseAddress);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            using var response = await client.GetAsync(new Uri($"/api/trades/{trade.Hex}", UriKind.Relative), guard.Token);
            if (response.IsSuccessStatusCode) return;
            await Task.Delay(20, guard.Token);
        }
    }

    /// <summary>The (transaction, log index) of every trade event the escrow emitted up to <paramref name="head"/>.</summary>
    private async Task<List<(string Tx, long LogIndex)>> EscrowTradeLogsAsync(long head)
    {
        var filter = new NewFilterInput
        {
            Address = [topology.Deployment.EscrowAddress],
            FromBlock = new BlockParameter(topology.Deployment.DeploymentBlock),
            ToBlock = new BlockParameter((ulong)head),
        };
        var logs = await topology.Reader.Eth.Filters.GetLogs.SendRequestAsync(filter);
        return logs.Select(EscrowEventDecoder.Decode).OfType<DecodedTradeEvent>().Select(e => (e.TransactionHash, (long)e.LogIndex)).ToList();
    }

    /// <summary>The highest seq up to which nothing is missing (0 when the first is missing): where to rejoin after.</summary>
    private static long ContiguousFrom(HashSet<long> seen)
    {
        long seq = 0;
        while (seen.Contains(seq + 1)) seq++;
        return seq;
    }
}
