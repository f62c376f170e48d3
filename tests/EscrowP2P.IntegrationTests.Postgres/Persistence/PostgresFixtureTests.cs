using System.Net;
using EscrowP2P.Core.Persistence;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EscrowP2P.IntegrationTests.Postgres.Persistence;

/// <summary>This assembly's API fixtures really run the app on PostgreSQL, keep its database across restarts and can empty it.</summary>
public sealed class PostgresFixtureTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    [Fact]
    public async Task The_app_stores_in_postgresql_keeps_it_across_a_restart_and_starts_empty_after_the_database_is_deleted()
    {
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<EscrowDbContext>().Database.IsNpgsql().ShouldBeTrue();
        }
        using (var seller = await app.ClientForAsync(DevAccounts.Traders[0]))
        {
            await seller.PostOkAsync("/api/p2p/offers", new
            {
                token = app.Deployment.StablecoinAddress,
                minAmount = "1000000",
                maxAmount = "5000000",
                price = "0.93",
                fiatCurrency = "EUR",
                paymentMethods = new[] { "SEPA" },
                paymentWindowSeconds = 1800,
            }, HttpStatusCode.Created);
        }

        await app.StopAppAsync();
        app.StartApp();
        (await OfferCountAsync()).ShouldBe(1);

        await app.StopAppAsync();
        await app.DeleteDatabaseAsync();
        app.StartApp();
        (await OfferCountAsync()).ShouldBe(0);
    }

    private async Task<int> OfferCountAsync()
    {
        using var anonymous = app.CreateClient();
        return (await anonymous.GetOkAsync("/api/p2p/offers")).GetProperty("total").GetInt32();
    }
}
