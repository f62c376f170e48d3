using System.Net;
using System.Text.Json;
using EscrowP2P.DevChain;
using EscrowP2P.IntegrationTests.Support;
using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Trades;

public class ConcurrentModeratorTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    [Fact]
    public async Task Ten_concurrent_resolves_on_different_trades_are_all_mined_with_distinct_nonces()
    {
        var trades = new List<TradeScenario>();
        for (var i = 0; i < 10; i++)
        {
            var trade = new TradeScenario(app, DevAccounts.Traders[i % 3], DevAccounts.Traders[3 + i % 3]);
            await trade.FundAsync(TradeScenario.Eth, 1_000_000_000 + i);
            await trade.ActAsync("mark-paid", trade.Buyer);
            await trade.ActAsync("dispute", trade.Buyer);
            trades.Add(trade);
        }
        using var moderator = await app.ClientForAsync(DevAccounts.Moderator);

        var results = await Task.WhenAll(trades.Select(async trade =>
        {
            var (status, body) = await moderator.ResolveAsync(trade.TradeId, 5000, "concurrent-" + trade.TradeId, "concurrent");
            status.ShouldBe(HttpStatusCode.OK, body.ToString());
            return body;
        }));

        results.ShouldAllBe(r => r.GetProperty("status").GetString() == "mined");
        var nonces = new List<long>();
        foreach (var result in results)
        {
            var tx = await app.Reader.Eth.Transactions.GetTransactionByHash.SendRequestAsync(result.GetProperty("txHash").GetString());
            tx.From.ShouldBe(DevAccounts.Moderator.Address, StringCompareShould.IgnoreCase);
            nonces.Add((long)tx.Nonce.Value);
        }
        nonces.Distinct().Count().ShouldBe(10);
        foreach (var trade in trades) (await trade.GetAsync(trade.Seller)).GetProperty("status").GetString().ShouldBe("Resolved");
    }
}
