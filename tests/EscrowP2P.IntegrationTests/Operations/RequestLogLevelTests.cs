using EscrowP2P.DevChain;
using EscrowP2P.IntegrationTests.Hub;
using EscrowP2P.TestSupport;
using Serilog.Events;

namespace EscrowP2P.IntegrationTests.Operations;

/// <summary>Requests are logged once, at the level of what their client got: refusals are no server errors.</summary>
public class RequestLogLevelTests(VerboseLoggingFixture app) : IClassFixture<VerboseLoggingFixture>
{
    [Fact]
    public async Task A_trade_that_does_not_exist_is_logged_as_a_404_without_an_error()
    {
        using var client = await app.ClientForAsync(DevAccounts.Traders[0]);
        var missing = "0x" + new string('7', 64);

        await client.ProblemAsync(HttpMethod.Get, $"/api/trades/{missing}", null, System.Net.HttpStatusCode.NotFound);

        var logged = app.Logs.Events
            .Where(e => e.MessageTemplate.Text.StartsWith("HTTP {RequestMethod} {RequestPath} responded", StringComparison.Ordinal))
            .Where(e => e.RenderMessage().Contains($"/api/trades/{missing}", StringComparison.Ordinal))
            .ToList();
        logged.ShouldHaveSingleItem().Level.ShouldBe(LogEventLevel.Information);
        logged[0].Exception.ShouldBeNull();
        logged[0].RenderMessage().ShouldContain("404");
    }
}
