using EscrowP2P.Api.Hubs;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.DevChain;
using EscrowP2P.Core.Persistence;
using EscrowP2P.IntegrationTests.Support;
using EscrowP2P.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace EscrowP2P.IntegrationTests.Hub;

/// <summary>The app with its logs recorded, a probe on trade reads and a small JoinTrade budget.</summary>
public sealed class TradeJoinFixture : EscrowApiFixture
{
    public const int JoinsPerMinute = 3;

    public RecordingLogSink Logs { get; } = new();
    public TradeReadProbe Probe { get; } = new();

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Serilog:MinimumLevel:Default"] = "Information";
        settings["RateLimits:TradeJoinsPerMinute"] = JoinsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ILogEventSink>(Logs);
        services.ConfigureDbContext<EscrowDbContext>(options => options.AddInterceptors(Probe));
    }

    /// <summary>Sends an update straight to a hub group, as the listener's publisher does.</summary>
    public Task SendToGroupAsync(string group, string tradeId) =>
        Services.GetRequiredService<IHubContext<TradeHub, ITradeClient>>().Clients.Group(group).TradeUpdated(
            new Core.Events.TradeUpdate(TradeId.Parse(tradeId), 1_000, Core.Events.TradeUpdateKind.Event, "Funded", DevAccounts.Traders[0].Address, DevAccounts.Traders[1].Address,
                new Core.Events.TradeEventView("TradePaid", new Dictionary<string, string>(), 1, "0x01", "0x02", 0, 1, false, false, 1_000)));
}

public class TradeJoinTests(TradeJoinFixture app) : IClassFixture<TradeJoinFixture>
{
    [Fact]
    public async Task An_outsider_joining_while_the_trade_is_being_updated_receives_none_of_its_updates()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[0], DevAccounts.Traders[1]);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000);
        var outsiderAccount = DevAccounts.Traders[2];
        await using var buyer = await TradeFeed.ConnectAsync(app, trade.Buyer);
        await using var outsider = await TradeFeed.ConnectAsync(app, outsiderAccount);
        await buyer.JoinAsync(trade.TradeId);
        var group = TradeHub.TradeGroup(TradeId.Parse(trade.TradeId));

        // Every read of this trade's row during the join publishes an update to the trade's group first.
        app.Probe.Arm(trade.TradeId, () => app.SendToGroupAsync(group, trade.TradeId));
        try
        {
            await Should.ThrowAsync<HubException>(() => outsider.JoinAsync(trade.TradeId));
        }
        finally
        {
            app.Probe.Disarm();
        }

        app.Probe.Fired.ShouldBeGreaterThan(0, "the join read the trade, and an update was published meanwhile");
        (await buyer.NextAsync(u => u.TradeId == trade.TradeId && u.Seq == 1_000)).ShouldNotBeNull();
        // A message to the outsider's own group, sent after the join ended, arrives after anything the join let through.
        var marker = "0x" + new string('9', 64);
        await app.SendToGroupAsync(TradeHub.UserGroup(outsiderAccount.Address), marker);
        var received = new List<TradeUpdate>();
        await outsider.NextAsync(u =>
        {
            received.Add(u);
            return u.TradeId == marker;
        });
        received.ShouldNotContain(u => u.TradeId == trade.TradeId);
    }

    [Fact]
    public async Task Refused_joins_are_logged_as_information_without_an_error_or_a_stack_trace()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[3], DevAccounts.Traders[4]);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000);
        await using var outsider = await TradeFeed.ConnectAsync(app, DevAccounts.Traders[5]);
        var before = app.Logs.Events.Count;

        await Should.ThrowAsync<HubException>(() => outsider.JoinAsync(trade.TradeId));
        await Should.ThrowAsync<HubException>(() => outsider.JoinAsync("0x" + new string('7', 64)));

        var logged = app.Logs.Events.Skip(before).ToList();
        logged.Where(e => e.Level >= LogEventLevel.Warning).Select(e => e.RenderMessage(null)).ShouldBeEmpty();
        logged.Where(e => e.Exception is not null).Select(e => e.RenderMessage(null)).ShouldBeEmpty();
        logged.Count(e => e.Level == LogEventLevel.Information && e.MessageTemplate.Text.Contains("JoinTrade", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task Joins_over_the_per_user_budget_are_refused_with_a_clear_message()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[6], DevAccounts.Traders[3]);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000);
        await app.WaitForIngestionAsync();
        await using var seller = await TradeFeed.ConnectAsync(app, trade.Seller);
        for (var i = 0; i < TradeJoinFixture.JoinsPerMinute; i++) await seller.JoinAsync(trade.TradeId);

        var refused = await Should.ThrowAsync<HubException>(() => seller.JoinAsync(trade.TradeId));

        refused.Message.ShouldContain("Too many JoinTrade calls");
    }

    [Fact]
    public async Task A_malformed_trade_id_is_refused_with_a_message_that_says_what_is_wrong()
    {
        await using var client = await TradeFeed.ConnectAsync(app, DevAccounts.Traders[5]);

        var refused = await Should.ThrowAsync<HubException>(() => client.JoinAsync("0x1234"));

        refused.Message.ShouldContain("tradeId must be 0x followed by 64 hex digits.");
    }
}
