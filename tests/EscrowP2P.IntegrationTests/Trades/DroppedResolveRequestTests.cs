using System.Net;
using System.Net.Http.Json;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.DevChain;
using EscrowP2P.IntegrationTests.Support;
using EscrowP2P.TestSupport;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.IntegrationTests.Trades;

public class DroppedResolveRequestTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    private async Task<long> ModeratorPendingNonceAsync() =>
        (long)(await app.Reader.Eth.Transactions.GetTransactionCount.SendRequestAsync(DevAccounts.Moderator.Address, BlockParameter.CreatePending())).Value;

    /// <summary>Completes once the node holds a moderator transaction beyond <paramref name="nonce"/> (mined or in its pool).</summary>
    private async Task WaitForModeratorTransactionAsync(long nonce)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await ModeratorPendingNonceAsync() <= nonce) await Task.Delay(10, guard.Token);
    }

    private async Task<List<string>> DisputeResolvedTransactionsAsync(string tradeId)
    {
        var resolved = app.Reader.Eth.GetEvent<DisputeResolvedEvent>(app.Deployment.EscrowAddress);
        var logs = await resolved.GetAllChangesAsync(resolved.CreateFilterInput(BlockParameter.CreateEarliest(), BlockParameter.CreateLatest()));
        return logs.Where(l => l.Event.TradeId.ToHex(prefix: true) == tradeId).Select(l => l.Log.TransactionHash).ToList();
    }

    [Fact]
    public async Task A_resolve_whose_caller_gave_up_while_waiting_keeps_its_transaction_and_its_key()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[0], DevAccounts.Traders[1]);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);
        await trade.ActAsync("mark-paid", trade.Buyer);
        await trade.ActAsync("dispute", trade.Buyer);
        using var moderator = await app.ClientForAsync(DevAccounts.Moderator);
        var key = "dropped-" + trade.TradeId;
        var nonceBefore = await ModeratorPendingNonceAsync();

        await app.Reader.Client.SendRequestAsync<object>("evm_setAutomine", null, false);
        try
        {
            // The browser (or a proxy in front of the API) gives up while the server waits for the receipt.
            using var giveUp = new CancellationTokenSource();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/admin/trades/{trade.TradeId}/resolve", UriKind.Relative))
            {
                Content = JsonContent.Create(new { buyerBps = 10_000, reason = "buyer paid" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            var abandoned = moderator.SendAsync(request, giveUp.Token);
            await WaitForModeratorTransactionAsync(nonceBefore);
            await giveUp.CancelAsync();
            await Should.ThrowAsync<TaskCanceledException>(abandoned);

            await app.MineAsync();
            var txHash = (await DisputeResolvedTransactionsAsync(trade.TradeId)).ShouldHaveSingleItem();

            var audit = (await moderator.GetOkAsync($"/api/admin/audit?tradeId={trade.TradeId}")).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
            audit.GetProperty("txHash").GetString().ShouldBe(txHash, audit.ToString());

            var otherDecision = await moderator.ResolveAsync(trade.TradeId, 0, key, "seller was right");
            otherDecision.Status.ShouldBe(HttpStatusCode.BadRequest, otherDecision.Body.ToString());
            otherDecision.Body.GetProperty("errors").TryGetProperty("Idempotency-Key", out _).ShouldBeTrue();

            var retry = await moderator.ResolveAsync(trade.TradeId, 10_000, key, "buyer paid");
            retry.Status.ShouldBe(HttpStatusCode.OK, retry.Body.ToString());
            retry.Body.GetProperty("txHash").GetString().ShouldBe(txHash);
            retry.Body.GetProperty("status").GetString().ShouldBe("mined");

            var outcome = (await moderator.GetOkAsync($"/api/admin/audit?tradeId={trade.TradeId}")).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
            outcome.GetProperty("outcome").GetString().ShouldBe("mined");

            await app.MineAsync();
            (await DisputeResolvedTransactionsAsync(trade.TradeId)).ShouldBe([txHash]);
            (await ModeratorPendingNonceAsync()).ShouldBe(nonceBefore + 1);
        }
        finally
        {
            await app.Reader.Client.SendRequestAsync<object>("evm_setAutomine", null, true);
        }
    }
}
