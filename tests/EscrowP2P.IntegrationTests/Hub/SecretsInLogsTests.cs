using EscrowP2P.DevChain;
using EscrowP2P.IntegrationTests.Support;
using EscrowP2P.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace EscrowP2P.IntegrationTests.Hub;

/// <summary>The app with every framework log switched on and recorded.</summary>
public sealed class VerboseLoggingFixture : EscrowApiFixture
{
    public RecordingLogSink Logs { get; } = new();

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Serilog:MinimumLevel:Default"] = "Verbose";
        settings["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose";
        settings["Serilog:MinimumLevel:Override:Microsoft.AspNetCore.DataProtection"] = "Verbose";
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILogEventSink>(Logs);
}

public class SecretsInLogsTests(VerboseLoggingFixture app) : IClassFixture<VerboseLoggingFixture>
{
    [Fact]
    public async Task Access_tokens_signatures_and_the_moderator_key_never_reach_the_logs()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[0], DevAccounts.Traders[1]);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000);
        var token = await app.AccessTokenForAsync(trade.Buyer);
        await using (var feed = await TradeFeed.ConnectAsync(app, trade.Buyer))
        {
            await feed.JoinAsync(trade.TradeId);
            await trade.ActAsync("mark-paid", trade.Buyer);
            await feed.NextEventAsync(trade.TradeId, "TradePaid");
        }

        // Browsers cannot set headers on WebSockets, so they send the token in the query string: do the same.
        using (var browser = app.CreateClient())
        {
            using var negotiate = await browser.PostAsync(new Uri($"/hubs/trades/negotiate?negotiateVersion=1&access_token={token}", UriKind.Relative), null);
            negotiate.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        }

        app.Logs.Lines.Count.ShouldBeGreaterThan(20, "verbose logging should have recorded the requests");
        app.Logs.Lines.ShouldContain(line => line.Contains("/hubs/trades"), "the hub requests themselves are logged");
        app.Logs.Lines.ShouldContain(line => line.Contains("access_token=[redacted]"), "the query-string request is logged, redacted");
        var tokenSignature = token.Split('.')[2];
        app.Logs.Lines.Where(line => line.Contains(tokenSignature)).ShouldBeEmpty("these log lines carry the access token");
        var moderatorKey = DevAccounts.Moderator.PrivateKey[2..];
        app.Logs.Lines.Where(line => line.Contains(moderatorKey)).ShouldBeEmpty("these log lines carry the moderator key");
    }
}
