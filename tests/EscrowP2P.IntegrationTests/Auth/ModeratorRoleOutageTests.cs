using System.Net;
using System.Net.Http.Headers;
using EscrowP2P.Chain;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Auth;

/// <summary>A node that can be stopped and started again with its chain; on-chain roles are never cached.</summary>
public sealed class UncachedRolesRestartableChainFixture : EscrowApiFixture
{
    private readonly string _statePath = Path.Combine(Path.GetTempPath(), $"escrowp2p-anvil-{Guid.NewGuid():N}.json");

    public static DevAccount ConfiguredModerator => DevAccounts.Traders[5];
    public static DevAccount OnChainModerator => DevAccounts.Traders[6];

    protected override AnvilOptions Options => new() { StatePath = _statePath };

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Auth:RoleCacheSeconds"] = "0";
        settings["Auth:Moderators:0"] = ConfiguredModerator.Address;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_statePath);
    }
}

public class ModeratorRoleOutageTests(UncachedRolesRestartableChainFixture app) : IClassFixture<UncachedRolesRestartableChainFixture>
{
    private async Task<HttpClient> SignedInClientAsync(DevAccount account)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await SiweLogin.SignInAsync(app.BaseAddress, account)).AccessToken);
        return client;
    }

    private async Task GrantModeratorRoleAsync(DevAccount account)
    {
        var admin = app.Web3For(DevAccounts.Admin);
        var role = await admin.Eth.GetContractQueryHandler<ModeratorRoleFunction>().QueryAsync<byte[]>(app.Deployment.EscrowAddress, new ModeratorRoleFunction());
        await admin.Eth.GetContractTransactionHandler<GrantRoleFunction>()
            .SendRequestAndWaitForReceiptAsync(app.Deployment.EscrowAddress, new GrantRoleFunction { Role = role, Account = account.Address })
            .EnsureSucceeded();
    }

    [Fact]
    public async Task While_the_node_cannot_answer_an_on_chain_moderator_is_refused_and_a_configured_one_is_not()
    {
        await GrantModeratorRoleAsync(UncachedRolesRestartableChainFixture.OnChainModerator);
        using var onChain = await SignedInClientAsync(UncachedRolesRestartableChainFixture.OnChainModerator);
        using var configured = await SignedInClientAsync(UncachedRolesRestartableChainFixture.ConfiguredModerator);
        await onChain.GetOkAsync("/api/admin/disputes");

        await app.RestartNodeAsync(whileDown: async () =>
        {
            await onChain.ProblemAsync(HttpMethod.Get, "/api/admin/disputes", null, HttpStatusCode.Forbidden);
            await configured.GetOkAsync("/api/admin/disputes");
        });

        await onChain.GetOkAsync("/api/admin/disputes");
    }
}
