using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Events;
using EscrowP2P.TestSupport;
using Nethereum.Hex.HexConvertors.Extensions;
using static EscrowP2P.ContractTests.EscrowHarness;

namespace EscrowP2P.ContractTests;

/// <summary>The backend recognises the escrow's moderator role, and the events that change who holds it.</summary>
public class ModeratorRoleEventsTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task The_moderator_role_the_backend_derives_is_the_contracts()
    {
        var escrow = await DeployAsync(chain);

        (await escrow.ModeratorRoleAsync()).ToHex(prefix: true).ShouldBe(EscrowRoles.Moderator);
    }

    [Fact]
    public async Task Granting_or_revoking_the_moderator_role_names_the_account_and_other_roles_name_nobody()
    {
        var escrow = await DeployAsync(chain);
        var moderatorRole = await escrow.ModeratorRoleAsync();

        var granted = await escrow.GrantModeratorAsync(Outsider.Address);
        var revoked = await escrow.SendAsync(Admin, new RevokeRoleFunction { Role = moderatorRole, Account = Outsider.Address });
        var adminGranted = await escrow.SendAsync(Admin, new GrantRoleFunction { Role = new byte[32], Account = Outsider.Address });

        ModeratorRoleEvents.AccountsIn(granted.Logs).ShouldBe([Outsider.Address]);
        ModeratorRoleEvents.AccountsIn(revoked.Logs).ShouldBe([Outsider.Address]);
        ModeratorRoleEvents.AccountsIn(adminGranted.Logs).ShouldBeEmpty();
    }
}
