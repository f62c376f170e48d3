using System.Net;
using System.Net.Http.Headers;
using EscrowP2P.Api.Auth;
using EscrowP2P.Chain;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Core.Trades;
using EscrowP2P.DevChain;
using EscrowP2P.IntegrationTests.Support;
using EscrowP2P.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.IntegrationTests.Auth;

/// <summary>
/// One moderator by configuration, changed while the app runs, and on-chain moderators granted by the admin. Roles
/// read from the chain are cached for a minute, so only the role events can end one sooner.
/// </summary>
public sealed class LiveModeratorRoleFixture : EscrowApiFixture
{
    private const string ModeratorSetting = "Auth:Moderators:0";

    public static DevAccount ConfiguredModerator => DevAccounts.Traders[5];
    public static DevAccount OnChainModerator => DevAccounts.Traders[6];

    private readonly ReloadableSettings _moderators = new([new(ModeratorSetting, ConfiguredModerator.Address)]);

    protected override void Configure(IDictionary<string, string?> settings) => settings["Auth:RoleCacheSeconds"] = "60";

    protected override void ConfigureAppConfiguration(IConfigurationBuilder configuration) => configuration.Add(_moderators);

    public void RemoveConfiguredModerator() => _moderators.Remove(ModeratorSetting);
}

public class LiveModeratorRoleTests(LiveModeratorRoleFixture app) : IClassFixture<LiveModeratorRoleFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private async Task<TradeScenario> DisputedTradeAsync(DevAccount seller, DevAccount buyer)
    {
        var trade = new TradeScenario(app, seller, buyer);
        await trade.FundAsync(TradeScenario.Eth, 1_000_000_000);
        await trade.ActAsync("mark-paid", trade.Buyer);
        await trade.ActAsync("dispute", trade.Buyer);
        return trade;
    }

    private async Task<TransactionReceipt> SetOnChainModeratorRoleAsync(DevAccount account, bool granted)
    {
        var admin = app.Web3For(DevAccounts.Admin);
        var role = await admin.Eth.GetContractQueryHandler<ModeratorRoleFunction>().QueryAsync<byte[]>(app.Deployment.EscrowAddress, new ModeratorRoleFunction());
        var receipt = granted
            ? await admin.Eth.GetContractTransactionHandler<GrantRoleFunction>().SendRequestAndWaitForReceiptAsync(
                app.Deployment.EscrowAddress, new GrantRoleFunction { Role = role, Account = account.Address }).EnsureSucceeded()
            : await admin.Eth.GetContractTransactionHandler<RevokeRoleFunction>().SendRequestAndWaitForReceiptAsync(
                app.Deployment.EscrowAddress, new RevokeRoleFunction { Role = role, Account = account.Address }).EnsureSucceeded();
        await app.WaitForIngestionAsync((long)receipt.BlockNumber.Value);
        return receipt;
    }

    private async Task<(HttpClient Client, string AccessToken)> SignInAsModeratorAsync(DevAccount account)
    {
        var token = await SiweLogin.SignInAsync(app.BaseAddress, account);
        token.Roles.ShouldBe([Roles.Moderator]);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return (client, token.AccessToken);
    }

    private HubConnection HubConnectionFor(string accessToken) => new HubConnectionBuilder()
        .WithUrl(new Uri(app.BaseAddress, "/hubs/trades"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken))
        .Build();

    private static Task<Exception?> ClosedAsync(HubConnection connection)
    {
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    private async Task<long> PlatformKeyNonceAsync() =>
        (long)(await app.Reader.Eth.Transactions.GetTransactionCount.SendRequestAsync(DevAccounts.Moderator.Address, BlockParameter.CreatePending())).Value;

    private async Task<int> AuditEntriesAsync(string tradeId)
    {
        using var platformModerator = await app.ClientForAsync(DevAccounts.Moderator);
        return (await platformModerator.GetOkAsync($"/api/admin/audit?tradeId={tradeId}")).GetProperty("items").GetArrayLength();
    }

    [Fact]
    public async Task A_moderator_whose_role_is_revoked_on_chain_is_refused_at_once_and_disconnected_from_the_hub()
    {
        var moderatorAccount = LiveModeratorRoleFixture.OnChainModerator;
        await SetOnChainModeratorRoleAsync(moderatorAccount, granted: true);
        var trade = await DisputedTradeAsync(DevAccounts.Traders[0], DevAccounts.Traders[1]);
        var (moderator, accessToken) = await SignInAsModeratorAsync(moderatorAccount);
        using var _ = moderator;
        await moderator.GetOkAsync("/api/admin/disputes");
        await using var connection = HubConnectionFor(accessToken);
        var closed = ClosedAsync(connection);
        await connection.StartAsync();
        (await connection.InvokeAsync<TradeSnapshot>("JoinTrade", trade.TradeId, null)).ShouldNotBeNull();
        var nonceBefore = await PlatformKeyNonceAsync();

        await SetOnChainModeratorRoleAsync(moderatorAccount, granted: false);

        var resolve = await moderator.ResolveAsync(trade.TradeId, 10_000, "revoked-" + trade.TradeId);
        resolve.Status.ShouldBe(HttpStatusCode.Forbidden, resolve.Body.ToString());
        await moderator.ProblemAsync(HttpMethod.Get, "/api/admin/disputes", null, HttpStatusCode.Forbidden);
        (await PlatformKeyNonceAsync()).ShouldBe(nonceBefore);
        (await AuditEntriesAsync(trade.TradeId)).ShouldBe(0);
        (await trade.GetAsync(trade.Seller)).GetProperty("status").GetString().ShouldBe("Disputed");

        await closed.WaitAsync(Patience);
        connection.State.ShouldBe(HubConnectionState.Disconnected);

        // The token still opens a connection, but no longer the trades of others.
        await using var reconnected = HubConnectionFor(accessToken);
        await reconnected.StartAsync();
        await Should.ThrowAsync<HubException>(() => reconnected.InvokeAsync<TradeSnapshot>("JoinTrade", trade.TradeId, null));
    }

    [Fact]
    public async Task A_moderator_removed_from_configuration_is_refused_at_the_next_action_and_disconnected_from_the_hub()
    {
        var trade = await DisputedTradeAsync(DevAccounts.Traders[2], DevAccounts.Traders[3]);
        var (moderator, accessToken) = await SignInAsModeratorAsync(LiveModeratorRoleFixture.ConfiguredModerator);
        using var _ = moderator;
        await moderator.GetOkAsync("/api/admin/disputes");
        await using var connection = HubConnectionFor(accessToken);
        var closed = ClosedAsync(connection);
        await connection.StartAsync();
        var nonceBefore = await PlatformKeyNonceAsync();

        app.RemoveConfiguredModerator();

        var resolve = await moderator.ResolveAsync(trade.TradeId, 0, "removed-" + trade.TradeId);
        resolve.Status.ShouldBe(HttpStatusCode.Forbidden, resolve.Body.ToString());
        await moderator.ProblemAsync(HttpMethod.Get, "/api/admin/disputes", null, HttpStatusCode.Forbidden);
        (await PlatformKeyNonceAsync()).ShouldBe(nonceBefore);
        (await AuditEntriesAsync(trade.TradeId)).ShouldBe(0);

        await closed.WaitAsync(Patience);
        connection.State.ShouldBe(HubConnectionState.Disconnected);
    }

    [Fact]
    public async Task A_moderator_who_keeps_the_role_still_resolves()
    {
        var moderatorAccount = DevAccounts.Traders[4];
        await SetOnChainModeratorRoleAsync(moderatorAccount, granted: true);
        var trade = await DisputedTradeAsync(DevAccounts.Traders[0], DevAccounts.Traders[3]);
        var (moderator, _) = await SignInAsModeratorAsync(moderatorAccount);
        using var client = moderator;

        var resolve = await moderator.ResolveAsync(trade.TradeId, 5_000, "kept-" + trade.TradeId);

        resolve.Status.ShouldBe(HttpStatusCode.OK, resolve.Body.ToString());
    }
}
