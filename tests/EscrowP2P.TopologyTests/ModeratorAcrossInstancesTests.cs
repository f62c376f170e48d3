using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport.Servers;
using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.TopologyTests;

/// <summary>Moderator resolutions sent to both instances at once share the one moderator key without colliding.</summary>
public sealed class ModeratorAcrossInstancesTests(TwoInstanceTopology topology) : IClassFixture<TwoInstanceTopology>
{
    private readonly TopologyClients _clients = new(topology);

    [Fact]
    public async Task Ten_concurrent_resolutions_over_both_instances_mine_ten_transactions_with_distinct_nonces()
    {
        var disputed = await OpenDisputesAsync(10, DevAccounts.Traders[4], DevAccounts.Traders[5]);

        var answers = await Task.WhenAll(disputed.Select((trade, i) =>
            ResolveAsync(topology.Instances[i % 2], trade, $"spread-{i}-{Guid.NewGuid():N}")));

        answers.ShouldAllBe(a => a.Status == HttpStatusCode.OK);
        var hashes = answers.Select(a => a.Body.GetProperty("txHash").GetString()!).ToList();
        hashes.Distinct().Count().ShouldBe(10);
        var nonces = new List<BigInteger>();
        foreach (var hash in hashes)
        {
            var receipt = await topology.Reader.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash);
            receipt.Status.Value.ShouldBe(BigInteger.One, hash);
            nonces.Add((await topology.Reader.Eth.Transactions.GetTransactionByHash.SendRequestAsync(hash)).Nonce.Value);
        }
        nonces.Distinct().Count().ShouldBe(10);
    }

    [Fact]
    public async Task One_idempotency_key_sent_to_both_instances_at_once_sends_one_transaction()
    {
        var trade = (await OpenDisputesAsync(1, DevAccounts.Traders[6], DevAccounts.Traders[4])).Single();
        var sentBefore = await ModeratorTransactionCountAsync();
        var key = $"both-{Guid.NewGuid():N}";

        var answers = await Task.WhenAll(topology.Instances.Select(instance => ResolveAsync(instance, trade, key)));

        // One instance sends; the other answers with the same transaction, or that the first is still being processed.
        answers.ShouldAllBe(a => a.Status == HttpStatusCode.OK || a.Status == HttpStatusCode.Conflict);
        answers.ShouldContain(a => a.Status == HttpStatusCode.OK);
        var retry = await ResolveAsync(topology.Instances[1], trade, key);
        retry.Status.ShouldBe(HttpStatusCode.OK);
        var hash = retry.Body.GetProperty("txHash").GetString();
        answers.Where(a => a.Status == HttpStatusCode.OK).ShouldAllBe(a => a.Body.GetProperty("txHash").GetString() == hash);
        (await ModeratorTransactionCountAsync()).ShouldBe(sentBefore + 1);
    }

    private async Task<List<TradeId>> OpenDisputesAsync(int count, DevAccount seller, DevAccount buyer)
    {
        var trades = new List<TradeId>();
        for (var i = 0; i < count; i++)
        {
            var trade = await topology.CreateEthTradeAsync(seller, buyer, BigInteger.Pow(10, 15) + i);
            await topology.MarkPaidAsync(buyer, trade);
            await topology.OpenDisputeAsync(buyer, trade);
            trades.Add(trade);
        }
        return trades;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ResolveAsync(ApiProcess instance, TradeId trade, string idempotencyKey)
    {
        using var client = await _clients.ClientForAsync(DevAccounts.Moderator, instance.BaseAddress);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/admin/trades/{trade.Hex}/resolve", UriKind.Relative))
        {
            Content = JsonContent.Create(new { buyerBps = 7000, reason = "The buyer's bank statement shows the payment." }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<BigInteger> ModeratorTransactionCountAsync() =>
        (await topology.Reader.Eth.Transactions.GetTransactionCount.SendRequestAsync(DevAccounts.Moderator.Address, BlockParameter.CreatePending())).Value;
}
