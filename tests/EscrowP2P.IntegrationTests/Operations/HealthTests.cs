using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Operations;

public class HealthTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    [Fact]
    public async Task Ready_reports_database_rpc_node_and_ingestion_healthy()
    {
        await app.WaitForIngestionAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().ShouldBe("Healthy");
        body.GetProperty("checks").GetProperty("rpc-node").GetProperty("status").GetString().ShouldBe("Healthy");
        body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
        body.GetProperty("checks").GetProperty("ingestion").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task Ready_says_the_only_instance_on_sqlite_leads_ingestion()
    {
        await app.WaitForIngestionAsync();
        using var client = app.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>(new Uri("/health/ready", UriKind.Relative));

        var ingestion = body.GetProperty("checks").GetProperty("ingestion").GetProperty("data");
        ingestion.GetProperty("leader").GetBoolean().ShouldBeTrue();
        ingestion.GetProperty("cursor").GetInt64().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Chain_info_names_the_escrow_and_the_supported_tokens()
    {
        using var client = app.CreateClient();

        var info = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/chain", UriKind.Relative));

        info.GetProperty("chainId").GetInt64().ShouldBe(31337);
        info.GetProperty("escrowAddress").GetString().ShouldBe(Nethereum.Util.AddressUtil.Current.ConvertToChecksumAddress(app.Deployment.EscrowAddress));
        var symbols = info.GetProperty("tokens").EnumerateArray().Select(t => t.GetProperty("symbol").GetString()).ToList();
        symbols.ShouldBe(["ETH", "tUSD"]);
    }

    [Fact]
    public async Task Metrics_expose_ingested_events_the_ingestion_lag_and_leadership()
    {
        await Hub.ChainLedger.CreateEthTradeDirectlyAsync(app, EscrowP2P.DevChain.DevAccounts.Traders[0], EscrowP2P.DevChain.DevAccounts.Traders[1]);
        await app.WaitForIngestionAsync();
        using var client = app.CreateClient();
        // A request's duration is recorded when it ends: one before the scrape, whichever test of the class ran first.
        (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).EnsureSuccessStatusCode();

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        var ingested = metrics.Split('\n').Single(l => l.StartsWith("escrowp2p_events_ingested", StringComparison.Ordinal) && !l.StartsWith('#'));
        double.Parse(ingested.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1);
        metrics.ShouldContain("escrowp2p_ingestion_lag");
        // Its value is checked per process by the topology tests: here /metrics also reports the meters of the other apps
        // this test process hosts, some of which follow.
        metrics.ShouldContain("escrowp2p_ingestion_leader");
        metrics.ShouldContain("http_server_request_duration");
    }

    [Fact]
    public async Task Unknown_route_answers_problem_details()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/api/does-not-exist", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
