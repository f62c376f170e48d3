using EscrowP2P.Chain.Contracts;
using EscrowP2P.TestSupport;
using static EscrowP2P.ContractTests.EscrowHarness;

namespace EscrowP2P.ContractTests;

/// <summary>Fee, allow-list and window settings: admin only, and never retroactive on open trades.</summary>
public class AdministrationTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task Changing_the_fee_after_creation_does_not_change_an_open_trades_fee()
    {
        var escrow = await DeployAsync(chain);
        var (oldTradeSalt, oldTrade) = NewTrade();
        await escrow.CreateTokenTradeAsync(oldTradeSalt, escrow.Stablecoin, 100_000_000);

        var updated = await escrow.SendAsync(Admin, new SetFeeFunction { FeeBps = 500, FeeRecipient = FeeRecipient.Address });
        var feeEvent = escrow.SingleEvent<FeeUpdatedEvent>(updated);
        feeEvent.FeeBps.ShouldBe((ushort)500);
        feeEvent.FeeRecipient.ShouldBeAddress(FeeRecipient.Address);
        (await escrow.GetTradeAsync(oldTrade)).FeeBps.ShouldBe(FeeBps);

        var (newTradeSalt, newTrade) = NewTrade();
        var created = await escrow.CreateTokenTradeAsync(newTradeSalt, escrow.Stablecoin, 100_000_000);
        escrow.SingleEvent<TradeCreatedEvent>(created).ShouldMatch(newTrade, Seller.Address, Buyer.Address, escrow.Stablecoin,
            100_000_000, 500, await escrow.BlockTimestampAsync(created) + Window);

        escrow.SingleEvent<TradeCompletedEvent>(await escrow.ReleaseAsync(oldTrade)).ShouldMatch(oldTrade, 99_000_000, 1_000_000);
        escrow.SingleEvent<TradeCompletedEvent>(await escrow.ReleaseAsync(newTrade)).ShouldMatch(newTrade, 95_000_000, 5_000_000);
        (await escrow.TokenBalanceAsync(escrow.Stablecoin, Buyer.Address)).ShouldBe(194_000_000);
        (await escrow.TokenBalanceAsync(escrow.Stablecoin, FeeRecipient.Address)).ShouldBe(6_000_000);
    }

    [Fact]
    public async Task Fee_above_MAX_FEE_BPS_is_rejected()
    {
        var escrow = await DeployAsync(chain);
        var before = await ConfigAsync(escrow);

        var error = await ShouldRevertWith<FeeTooHighError>(() =>
            escrow.SendAsync(Admin, new SetFeeFunction { FeeBps = 501, FeeRecipient = FeeRecipient.Address }));

        error.FeeBps.ShouldBe((ushort)501);
        error.MaxFeeBps.ShouldBe((ushort)500);
        (await ConfigAsync(escrow)).ShouldBe(before);
    }

    [Fact]
    public async Task Fee_recipient_cannot_be_the_zero_address()
    {
        var escrow = await DeployAsync(chain);
        var before = await ConfigAsync(escrow);

        await ShouldRevertWith<ZeroAddressError>(() =>
            escrow.SendAsync(Admin, new SetFeeFunction { FeeBps = 100, FeeRecipient = ZeroAddress }));

        (await ConfigAsync(escrow)).ShouldBe(before);
    }

    [Theory]
    [InlineData(59UL, 3_600UL)]
    [InlineData(60UL, 30UL * 24 * 3_600 + 1)]
    [InlineData(7_200UL, 3_600UL)]
    public async Task Payment_window_bounds_must_respect_floor_ceiling_and_order(ulong min, ulong max)
    {
        var escrow = await DeployAsync(chain);
        var before = await ConfigAsync(escrow);

        var error = await ShouldRevertWith<PaymentWindowBoundsInvalidError>(() =>
            escrow.SendAsync(Admin, new SetPaymentWindowBoundsFunction { MinPaymentWindow = min, MaxPaymentWindow = max }));

        error.MinPaymentWindow.ShouldBe(min);
        error.MaxPaymentWindow.ShouldBe(max);
        (await ConfigAsync(escrow)).ShouldBe(before);
    }

    [Fact]
    public async Task New_payment_window_bounds_apply_to_new_trades_only()
    {
        var escrow = await DeployAsync(chain);
        var (openSalt, open) = NewTrade();
        await escrow.CreateEthTradeAsync(openSalt, Eth(1));
        var openBefore = await escrow.StateAsync(open);

        var updated = await escrow.SendAsync(Admin, new SetPaymentWindowBoundsFunction { MinPaymentWindow = 60, MaxPaymentWindow = 600 });

        var boundsEvent = escrow.SingleEvent<PaymentWindowBoundsUpdatedEvent>(updated);
        boundsEvent.MinPaymentWindow.ShouldBe(60UL);
        boundsEvent.MaxPaymentWindow.ShouldBe(600UL);
        (await escrow.StateAsync(open)).ShouldBe(openBefore);
        var error = await ShouldRevertWith<PaymentWindowOutOfBoundsError>(() => escrow.CreateEthTradeAsync(NewSalt(), Eth(1), window: Window));
        error.MaxPaymentWindow.ShouldBe(600UL);
        await escrow.CreateEthTradeAsync(NewSalt(), Eth(1), window: 60);
    }

    [Theory]
    [InlineData("setFee")]
    [InlineData("setTokenAllowed")]
    [InlineData("setPaymentWindowBounds")]
    [InlineData("pause")]
    [InlineData("unpause")]
    [InlineData("grantRole")]
    [InlineData("revokeRole")]
    public async Task Only_the_admin_can_call_admin_functions_not_even_a_moderator(string function)
    {
        var escrow = await DeployAsync(chain);
        if (function == "unpause") await escrow.SendAsync(Admin, new PauseFunction());
        var moderatorRole = await escrow.ModeratorRoleAsync();
        var before = await ConfigAsync(escrow);
        Func<Task> call = function switch
        {
            "setFee" => () => escrow.SendAsync(Moderator, new SetFeeFunction { FeeBps = 0, FeeRecipient = Moderator.Address }),
            "setTokenAllowed" => () => escrow.SendAsync(Moderator, new SetTokenAllowedFunction { Token = escrow.Stablecoin, Allowed = false }),
            "setPaymentWindowBounds" => () => escrow.SendAsync(Moderator, new SetPaymentWindowBoundsFunction { MinPaymentWindow = 60, MaxPaymentWindow = 120 }),
            "pause" => () => escrow.SendAsync(Moderator, new PauseFunction()),
            "unpause" => () => escrow.SendAsync(Moderator, new UnpauseFunction()),
            "grantRole" => () => escrow.SendAsync(Moderator, new GrantRoleFunction { Role = moderatorRole, Account = Outsider.Address }),
            _ => () => escrow.SendAsync(Moderator, new RevokeRoleFunction { Role = moderatorRole, Account = Moderator.Address }),
        };

        var error = await ShouldRevertWith<AccessControlUnauthorizedAccountError>(call);

        error.Account.ShouldBeAddress(Moderator.Address);
        error.NeededRole.ShouldBe(new byte[32]);
        (await ConfigAsync(escrow)).ShouldBe(before);
    }

    private static async Task<EscrowConfig> ConfigAsync(EscrowHarness escrow)
    {
        var moderatorRole = await escrow.ModeratorRoleAsync();
        return new EscrowConfig(
            await escrow.QueryAsync<FeeBpsFunction, ushort>(new FeeBpsFunction()),
            (await escrow.QueryAsync<FeeRecipientFunction, string>(new FeeRecipientFunction())).ToUpperInvariant(),
            await escrow.QueryAsync<MinPaymentWindowFunction, ulong>(new MinPaymentWindowFunction()),
            await escrow.QueryAsync<MaxPaymentWindowFunction, ulong>(new MaxPaymentWindowFunction()),
            await escrow.QueryAsync<PausedFunction, bool>(new PausedFunction()),
            await escrow.QueryAsync<AllowedTokensFunction, bool>(new AllowedTokensFunction { Token = escrow.Stablecoin }),
            await escrow.QueryAsync<HasRoleFunction, bool>(new HasRoleFunction { Role = moderatorRole, Account = Moderator.Address }),
            await escrow.QueryAsync<HasRoleFunction, bool>(new HasRoleFunction { Role = moderatorRole, Account = Outsider.Address }));
    }

    private sealed record EscrowConfig(
        ushort FeeBps, string FeeRecipient, ulong MinWindow, ulong MaxWindow, bool Paused, bool StablecoinAllowed,
        bool ModeratorHasRole, bool OutsiderHasRole);
}
