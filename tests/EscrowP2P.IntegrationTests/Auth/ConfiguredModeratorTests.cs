using EscrowP2P.Api.Auth;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Auth;

public sealed class ConfiguredModeratorApiFixture : EscrowApiFixture
{
    /// <summary>Holds no role on-chain; configuration alone makes it a moderator.</summary>
    public static DevAccount ConfiguredModerator => DevAccounts.Traders[5];

    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Auth:Moderators:0"] = ConfiguredModerator.Address.ToLowerInvariant();
    }
}

public class ConfiguredModeratorTests(ConfiguredModeratorApiFixture app) : IClassFixture<ConfiguredModeratorApiFixture>
{
    [Fact]
    public async Task Address_listed_in_auth_moderators_signs_in_as_moderator_whatever_its_case()
    {
        var token = await SiweLogin.SignInAsync(app.BaseAddress, ConfiguredModeratorApiFixture.ConfiguredModerator);

        token.Address.ShouldBe(ConfiguredModeratorApiFixture.ConfiguredModerator.Address);
        token.Roles.ShouldBe([Roles.Moderator]);
    }

    [Fact]
    public async Task Trader_not_listed_still_signs_in_without_roles()
    {
        var token = await SiweLogin.SignInAsync(app.BaseAddress, DevAccounts.Traders[6]);

        token.Roles.ShouldBeEmpty();
    }
}
