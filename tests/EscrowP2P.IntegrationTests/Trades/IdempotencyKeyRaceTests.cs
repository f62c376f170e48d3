using System.Net;
using System.Text.Json;
using EscrowP2P.Core.Persistence;
using EscrowP2P.DevChain;
using EscrowP2P.IntegrationTests.Support;
using EscrowP2P.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EscrowP2P.IntegrationTests.Trades;

/// <summary>The app with a probe on storing idempotency keys.</summary>
public sealed class IdempotencyKeyRaceFixture : EscrowApiFixture
{
    public IdempotencyKeyInsertProbe Probe { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<EscrowDbContext>(options => options.AddInterceptors(Probe));
}

public class IdempotencyKeyRaceTests(IdempotencyKeyRaceFixture app) : IClassFixture<IdempotencyKeyRaceFixture>
{
    [Fact]
    public async Task A_resolve_whose_key_another_request_stored_after_its_check_answers_that_outcome_and_sends_nothing_more()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[0], DevAccounts.Traders[1]);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);
        await trade.ActAsync("mark-paid", trade.Buyer);
        await trade.ActAsync("dispute", trade.Seller);
        using var moderator = await app.ClientForAsync(DevAccounts.Moderator);
        var key = "race-" + trade.TradeId;
        var nonceBefore = await app.Reader.Eth.Transactions.GetTransactionCount.SendRequestAsync(DevAccounts.Moderator.Address);
        (HttpStatusCode Status, JsonElement Body)? winner = null;
        // The second request runs to its end after the first found the key free and before the first stores it:
        // the first one's insert then meets the unique key.
        app.Probe.Arm(key, async () => winner = await moderator.ResolveAsync(trade.TradeId, 5_000, key));

        var (status, body) = await moderator.ResolveAsync(trade.TradeId, 5_000, key);

        winner.ShouldNotBeNull();
        winner.Value.Status.ShouldBe(HttpStatusCode.OK, winner.Value.Body.ToString());
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("txHash").GetString().ShouldBe(winner.Value.Body.GetProperty("txHash").GetString());
        (await app.Reader.Eth.Transactions.GetTransactionCount.SendRequestAsync(DevAccounts.Moderator.Address)).Value.ShouldBe(nonceBefore.Value + 1);
        var audit = await moderator.GetOkAsync($"/api/admin/audit?tradeId={trade.TradeId}");
        audit.GetProperty("items").GetArrayLength().ShouldBe(1);
    }
}
