using EscrowP2P.Chain.Contracts;
using EscrowP2P.TestSupport;
using static EscrowP2P.ContractTests.EscrowHarness;

namespace EscrowP2P.ContractTests;

/// <summary>Pause stops new trades only; funds already locked can always leave, and never through the admin.</summary>
public class PauseAndCustodyTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task Pause_blocks_new_eth_and_token_trades_until_unpaused()
    {
        var escrow = await DeployAsync(chain);
        await escrow.SendAsync(Admin, new PauseFunction());
        (await escrow.QueryAsync<PausedFunction, bool>(new PausedFunction())).ShouldBeTrue();
        var (ethTradeSalt, ethTrade) = NewTrade();
        var (tokenTradeSalt, tokenTrade) = NewTrade();

        await ShouldRevertWith<EnforcedPauseError>(() => escrow.CreateEthTradeAsync(ethTradeSalt, Eth(1)));
        await ShouldRevertWith<EnforcedPauseError>(() => escrow.CreateTokenTradeAsync(tokenTradeSalt, escrow.Stablecoin, 1_000_000));
        (await escrow.GetTradeAsync(ethTrade)).Status.ShouldBe(TradeStatus.None);
        (await escrow.GetTradeAsync(tokenTrade)).Status.ShouldBe(TradeStatus.None);
        (await escrow.EscrowHoldingAsync(ZeroAddress)).ShouldBe(0);
        (await escrow.EscrowHoldingAsync(escrow.Stablecoin)).ShouldBe(0);

        await escrow.SendAsync(Admin, new UnpauseFunction());
        await escrow.CreateEthTradeAsync(ethTradeSalt, Eth(1));
        (await escrow.GetTradeAsync(ethTrade)).Status.ShouldBe(TradeStatus.Funded);
    }

    [Fact]
    public async Task Pause_leaves_mark_paid_release_cancel_dispute_and_resolve_on_existing_trades_available()
    {
        var escrow = await DeployAsync(chain);
        var (releasedSalt, released) = NewTrade();
        var (cancelledByBuyerSalt, cancelledByBuyer) = NewTrade();
        var (resolvedSalt, resolved) = NewTrade();
        var (cancelledBySellerSalt, cancelledBySeller) = NewTrade();
        foreach (var salt in new[] { releasedSalt, cancelledByBuyerSalt, resolvedSalt, cancelledBySellerSalt }) await escrow.CreateEthTradeAsync(salt, Eth(1));
        await escrow.SendAsync(Admin, new PauseFunction());

        escrow.SingleEvent<TradePaidEvent>(await escrow.MarkPaidAsync(released)).ShouldMatch(released);
        escrow.SingleEvent<TradeCompletedEvent>(await escrow.ReleaseAsync(released)).ShouldMatch(released, Eth(0.99m), Eth(0.01m));
        escrow.SingleEvent<TradeCancelledEvent>(await escrow.CancelAsync(cancelledByBuyer, Buyer)).ShouldMatch(cancelledByBuyer, Buyer.Address);
        await escrow.MarkPaidAsync(resolved);
        escrow.SingleEvent<DisputeOpenedEvent>(await escrow.OpenDisputeAsync(resolved, Seller)).ShouldMatch(resolved, Seller.Address);
        escrow.SingleEvent<DisputeResolvedEvent>(await escrow.ResolveAsync(resolved, 5_000))
            .ShouldMatch(resolved, Moderator.Address, 5_000, Eth(0.495m), Eth(0.5m), Eth(0.005m));
        await chain.IncreaseTimeAsync(Window + 10 * 60);
        escrow.SingleEvent<TradeCancelledEvent>(await escrow.CancelAsync(cancelledBySeller, Seller)).ShouldMatch(cancelledBySeller, Seller.Address);

        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(0);
        (await escrow.QueryAsync<PausedFunction, bool>(new PausedFunction())).ShouldBeTrue();
    }

    [Fact]
    public async Task Deferred_payout_can_be_withdrawn_while_paused()
    {
        var escrow = await DeployAsync(chain);
        var wallet = await escrow.DeployPartyContractAsync(rejectEth: true);
        var (salt, tradeId) = NewTrade();
        await escrow.CreateEthTradeAsync(salt, Eth(1), buyer: wallet);
        await escrow.ReleaseAsync(tradeId);
        await escrow.SendAsync(Admin, new PauseFunction());
        var payeeBefore = await chain.EthBalanceAsync(Payee.Address);

        var withdrawn = await escrow.ExecuteAsync(wallet, new WithdrawFunction { Token = ZeroAddress, To = Payee.Address });

        escrow.SingleEvent<WithdrawnEvent>(withdrawn).ShouldMatch(wallet, ZeroAddress, Payee.Address, Eth(0.99m));
        (await chain.EthBalanceAsync(Payee.Address)).ShouldBe(payeeBefore + Eth(0.99m));
        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(0);
    }

    [Fact]
    public async Task No_admin_function_moves_escrowed_funds()
    {
        var escrow = await DeployAsync(chain);
        var (ethTradeSalt, ethTrade) = NewTrade();
        var (tokenTradeSalt, tokenTrade) = NewTrade();
        await escrow.CreateEthTradeAsync(ethTradeSalt, Eth(1));
        await escrow.CreateTokenTradeAsync(tokenTradeSalt, escrow.Stablecoin, 70_000_000);
        await escrow.MarkPaidAsync(tokenTrade);
        var ethBefore = await escrow.StateAsync(ethTrade);
        var tokenBefore = await escrow.StateAsync(tokenTrade);
        var moderatorRole = await escrow.ModeratorRoleAsync();

        await escrow.SendAsync(Admin, new SetFeeFunction { FeeBps = 500, FeeRecipient = Admin.Address });
        var disallowed = await escrow.SendAsync(Admin, new SetTokenAllowedFunction { Token = escrow.Stablecoin, Allowed = false });
        var allowEvent = escrow.SingleEvent<TokenAllowedEvent>(disallowed);
        allowEvent.Token.ShouldBeAddress(escrow.Stablecoin);
        allowEvent.Allowed.ShouldBeFalse();
        await escrow.SendAsync(Admin, new SetPaymentWindowBoundsFunction { MinPaymentWindow = 60, MaxPaymentWindow = 120 });
        await escrow.SendAsync(Admin, new PauseFunction());
        await escrow.SendAsync(Admin, new UnpauseFunction());
        await escrow.SendAsync(Admin, new GrantRoleFunction { Role = moderatorRole, Account = Admin.Address });
        await escrow.SendAsync(Admin, new RevokeRoleFunction { Role = moderatorRole, Account = Moderator.Address });
        // Nor can the admin, even holding MODERATOR_ROLE, take the party actions.
        await ShouldRevertWith<NotSellerError>(() => escrow.ReleaseAsync(ethTrade, Admin));
        await ShouldRevertWith<NotPartyError>(() => escrow.CancelAsync(ethTrade, Admin));
        await ShouldRevertWith<NotPartyError>(() => escrow.OpenDisputeAsync(tokenTrade, Admin));
        await ShouldRevertWith<InvalidStatusError>(() => escrow.ResolveAsync(tokenTrade, 0, Admin));
        (await ShouldRevertWith<NothingToWithdrawError>(() => escrow.WithdrawAsync(Admin, ZeroAddress, Admin.Address)))
            .Account.ShouldBeAddress(Admin.Address);

        (await escrow.StateAsync(ethTrade)).ShouldBe(ethBefore);
        (await escrow.StateAsync(tokenTrade)).ShouldBe(tokenBefore);
        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(Eth(1));
        (await escrow.TokenBalanceAsync(escrow.Stablecoin, escrow.Escrow)).ShouldBe(70_000_000);
    }
}
