using EscrowP2P.Chain.Contracts;
using EscrowP2P.TestSupport;
using static EscrowP2P.ContractTests.EscrowHarness;

namespace EscrowP2P.ContractTests;

/// <summary>
/// A PartyContract wallet as a trade party: it can reject ETH (the payout is credited for withdraw) or call back
/// into the escrow when ETH arrives (the reentrancy guard refuses, and nothing is paid twice).
/// </summary>
public class ContractWalletPartyTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task Release_to_a_wallet_rejecting_eth_is_credited_and_withdrawn_to_an_eoa()
    {
        var (escrow, wallet, tradeId) = await TradeWithWalletBuyerAsync(rejectEth: true);
        var paid = await escrow.ExecuteAsync(wallet, new MarkPaidFunction { TradeId = tradeId });
        escrow.SingleEvent<TradePaidEvent>(paid).ShouldMatch(tradeId);
        var feeBefore = await chain.EthBalanceAsync(FeeRecipient.Address);

        var released = await escrow.ReleaseAsync(tradeId);

        escrow.SingleEvent<TradeCompletedEvent>(released).ShouldMatch(tradeId, Eth(0.99m), Eth(0.01m));
        escrow.SingleEvent<PayoutDeferredEvent>(released).ShouldMatch(tradeId, wallet, Eth(0.99m));
        (await chain.EthBalanceAsync(FeeRecipient.Address)).ShouldBe(feeBefore + Eth(0.01m));
        (await chain.EthBalanceAsync(wallet)).ShouldBe(0);
        (await escrow.PendingWithdrawalAsync(wallet, ZeroAddress)).ShouldBe(Eth(0.99m));
        var payeeBefore = await chain.EthBalanceAsync(Payee.Address);

        var withdrawn = await escrow.ExecuteAsync(wallet, new WithdrawFunction { Token = ZeroAddress, To = Payee.Address });

        escrow.SingleEvent<WithdrawnEvent>(withdrawn).ShouldMatch(wallet, ZeroAddress, Payee.Address, Eth(0.99m));
        (await chain.EthBalanceAsync(Payee.Address)).ShouldBe(payeeBefore + Eth(0.99m));
        (await escrow.PendingWithdrawalAsync(wallet, ZeroAddress)).ShouldBe(0);
        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(0);
    }

    [Fact]
    public async Task Withdrawal_to_an_address_rejecting_eth_reverts_and_keeps_the_credit()
    {
        var (escrow, wallet, _) = await ReleasedToRejectingWalletAsync();

        var error = await ShouldRevertWith<EthTransferFailedError>(() =>
            escrow.ExecuteAsync(wallet, new WithdrawFunction { Token = ZeroAddress, To = wallet }));

        error.To.ShouldBeAddress(wallet);
        error.Amount.ShouldBe(Eth(0.99m));
        (await escrow.PendingWithdrawalAsync(wallet, ZeroAddress)).ShouldBe(Eth(0.99m));
        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(Eth(0.99m));
    }

    [Fact]
    public async Task Withdrawal_to_the_zero_address_is_rejected_and_keeps_the_credit()
    {
        var (escrow, wallet, _) = await ReleasedToRejectingWalletAsync();

        await ShouldRevertWith<ZeroAddressError>(() =>
            escrow.ExecuteAsync(wallet, new WithdrawFunction { Token = ZeroAddress, To = ZeroAddress }));

        (await escrow.PendingWithdrawalAsync(wallet, ZeroAddress)).ShouldBe(Eth(0.99m));
        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(Eth(0.99m));
    }

    [Fact]
    public async Task Withdrawal_with_nothing_pending_is_rejected()
    {
        var escrow = await DeployAsync(chain);

        var error = await ShouldRevertWith<NothingToWithdrawError>(() => escrow.WithdrawAsync(Outsider, ZeroAddress, Outsider.Address));

        error.Account.ShouldBeAddress(Outsider.Address);
        error.Token.ShouldBeAddress(ZeroAddress);
    }

    [Fact]
    public async Task Buyer_cancel_is_not_blocked_by_a_seller_wallet_rejecting_the_refund()
    {
        var escrow = await DeployAsync(chain);
        var wallet = await escrow.DeployPartyContractAsync(rejectEth: true);
        var (salt, tradeId) = NewTrade(seller: wallet);
        var created = await escrow.ExecuteAsync(wallet, new CreateTradeFunction
        {
            Salt = salt, Buyer = Buyer.Address, Token = ZeroAddress, Amount = Eth(1), PaymentWindow = Window,
        }, value: Eth(1));
        escrow.SingleEvent<TradeCreatedEvent>(created).ShouldMatch(tradeId, wallet, Buyer.Address, ZeroAddress, Eth(1),
            FeeBps, await escrow.BlockTimestampAsync(created) + Window);

        var cancelled = await escrow.CancelAsync(tradeId, Buyer);

        escrow.SingleEvent<TradeCancelledEvent>(cancelled).ShouldMatch(tradeId, Buyer.Address);
        escrow.SingleEvent<PayoutDeferredEvent>(cancelled).ShouldMatch(tradeId, wallet, Eth(1));
        (await escrow.PendingWithdrawalAsync(wallet, ZeroAddress)).ShouldBe(Eth(1));
        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(Eth(1));
    }

    [Fact]
    public async Task Wallet_buyer_reentering_to_cancel_its_other_trade_on_receive_is_blocked_and_paid_once()
    {
        var (escrow, wallet, tradeA) = await TradeWithWalletBuyerAsync(rejectEth: false);
        var (tradeBSalt, tradeB) = NewTrade();
        await escrow.CreateEthTradeAsync(tradeBSalt, Eth(1), buyer: wallet);
        await escrow.ArmWalletReentryAsync(wallet, new CancelFunction { TradeId = tradeB });

        var released = await escrow.ReleaseAsync(tradeA);

        (await escrow.QueryAsync<PartyReentryAttemptedFunction, bool>(new PartyReentryAttemptedFunction(), wallet)).ShouldBeTrue();
        (await escrow.ReentrySucceededAsync(wallet)).ShouldBeFalse();
        escrow.EventsOf<TradeCancelledEvent>(released).ShouldBeEmpty();
        escrow.EventsOf<PayoutDeferredEvent>(released).ShouldBeEmpty();
        (await chain.EthBalanceAsync(wallet)).ShouldBe(Eth(0.99m));
        (await escrow.GetTradeAsync(tradeB)).Status.ShouldBe(TradeStatus.Funded);
        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(Eth(1));

        // Control: the same cancel sent directly by the wallet is a legitimate buyer action.
        var cancelled = await escrow.ExecuteAsync(wallet, new CancelFunction { TradeId = tradeB });
        escrow.SingleEvent<TradeCancelledEvent>(cancelled).ShouldMatch(tradeB, wallet);
    }

    [Fact]
    public async Task Wallet_buyer_reentering_cancel_of_the_same_trade_during_release_gets_no_second_payout()
    {
        var (escrow, wallet, tradeId) = await TradeWithWalletBuyerAsync(rejectEth: false);
        await escrow.ArmWalletReentryAsync(wallet, new CancelFunction { TradeId = tradeId });
        var sellerBefore = await chain.EthBalanceAsync(Seller.Address);

        var released = await escrow.ReleaseAsync(tradeId);

        (await escrow.ReentrySucceededAsync(wallet)).ShouldBeFalse();
        escrow.SingleEvent<TradeCompletedEvent>(released).ShouldMatch(tradeId, Eth(0.99m), Eth(0.01m));
        escrow.EventsOf<TradeCancelledEvent>(released).ShouldBeEmpty();
        (await chain.EthBalanceAsync(wallet)).ShouldBe(Eth(0.99m));
        (await chain.EthBalanceAsync(Seller.Address)).ShouldBe(sellerBefore - GasCost(released));
        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(0);
    }

    [Fact]
    public async Task Wallet_reentering_withdraw_while_receiving_its_withdrawal_is_paid_once()
    {
        var (escrow, wallet, _) = await ReleasedToRejectingWalletAsync();
        await escrow.SendAsync(WalletOwner, new SetRejectEthFunction { Reject = false }, wallet);
        await escrow.ArmWalletReentryAsync(wallet, new WithdrawFunction { Token = ZeroAddress, To = Payee.Address });
        var payeeBefore = await chain.EthBalanceAsync(Payee.Address);

        var withdrawn = await escrow.ExecuteAsync(wallet, new WithdrawFunction { Token = ZeroAddress, To = wallet });

        (await escrow.ReentrySucceededAsync(wallet)).ShouldBeFalse();
        escrow.SingleEvent<WithdrawnEvent>(withdrawn).ShouldMatch(wallet, ZeroAddress, wallet, Eth(0.99m));
        (await chain.EthBalanceAsync(wallet)).ShouldBe(Eth(0.99m));
        (await chain.EthBalanceAsync(Payee.Address)).ShouldBe(payeeBefore);
        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(0);
    }

    private async Task<(EscrowHarness Escrow, string Wallet, byte[] TradeId)> TradeWithWalletBuyerAsync(bool rejectEth)
    {
        var escrow = await DeployAsync(chain);
        var wallet = await escrow.DeployPartyContractAsync(rejectEth);
        var (salt, tradeId) = NewTrade();
        await escrow.CreateEthTradeAsync(salt, Eth(1), buyer: wallet);
        return (escrow, wallet, tradeId);
    }

    private async Task<(EscrowHarness Escrow, string Wallet, byte[] TradeId)> ReleasedToRejectingWalletAsync()
    {
        var (escrow, wallet, tradeId) = await TradeWithWalletBuyerAsync(rejectEth: true);
        await escrow.ReleaseAsync(tradeId);
        (await escrow.PendingWithdrawalAsync(wallet, ZeroAddress)).ShouldBe(Eth(0.99m));
        return (escrow, wallet, tradeId);
    }
}
