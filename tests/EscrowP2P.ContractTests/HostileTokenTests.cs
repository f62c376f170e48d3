using EscrowP2P.Chain.Contracts;
using EscrowP2P.TestSupport;
using static EscrowP2P.ContractTests.EscrowHarness;

namespace EscrowP2P.ContractTests;

/// <summary>Allow-listed tokens that misbehave must neither under-fund a trade, freeze a payout, nor pay twice.</summary>
public class HostileTokenTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    private const long Amount = 1_000_000;
    private const long Fee = 10_000;

    [Fact]
    public async Task Fee_on_transfer_token_is_rejected_with_TransferShortfall_and_no_trade_is_created()
    {
        var escrow = await DeployAsync(chain);
        var token = await escrow.DeployAllowedTokenAsync("FeeOnTransferToken");
        var (salt, tradeId) = NewTrade();
        await escrow.MintAndApproveAsync(token, Seller, Amount);

        var error = await ShouldRevertWith<TransferShortfallError>(() => escrow.CreateApprovedTokenTradeAsync(salt, token, Amount));

        error.Expected.ShouldBe(Amount);
        error.Received.ShouldBe(990_000);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.None);
        (await escrow.TokenBalanceAsync(token, escrow.Escrow)).ShouldBe(0);
        (await escrow.TokenBalanceAsync(token, Seller.Address)).ShouldBe(Amount);
    }

    [Fact]
    public async Task False_returning_token_is_rejected_at_creation()
    {
        var escrow = await DeployAsync(chain);
        var token = await escrow.DeployAllowedTokenAsync("FalseReturningToken");
        var (salt, tradeId) = NewTrade();
        await escrow.MintAndApproveAsync(token, Seller, Amount);
        await escrow.SendAsync(Admin, new SetFailTransfersFunction { Fail = true }, token);

        var error = await ShouldRevertWith<SafeErc20FailedOperationError>(() => escrow.CreateApprovedTokenTradeAsync(salt, token, Amount));

        error.Token.ShouldBeAddress(token);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.None);
        (await escrow.TokenBalanceAsync(token, Seller.Address)).ShouldBe(Amount);
    }

    [Fact]
    public async Task Token_that_starts_failing_after_funding_defers_release_payouts_until_it_works_again()
    {
        var escrow = await DeployAsync(chain);
        var token = await escrow.DeployAllowedTokenAsync("FalseReturningToken");
        var (salt, tradeId) = NewTrade();
        await escrow.CreateTokenTradeAsync(salt, token, Amount);
        await escrow.SendAsync(Admin, new SetFailTransfersFunction { Fail = true }, token);

        var released = await escrow.ReleaseAsync(tradeId);

        escrow.SingleEvent<TradeCompletedEvent>(released).ShouldMatch(tradeId, Amount - Fee, Fee);
        var deferred = escrow.EventsOf<PayoutDeferredEvent>(released);
        deferred.Count.ShouldBe(2);
        deferred[0].ShouldMatch(tradeId, Buyer.Address, Amount - Fee);
        deferred[1].ShouldMatch(tradeId, FeeRecipient.Address, Fee);
        (await escrow.PendingWithdrawalAsync(Buyer.Address, token)).ShouldBe(Amount - Fee);
        (await escrow.PendingWithdrawalAsync(FeeRecipient.Address, token)).ShouldBe(Fee);
        (await escrow.TokenBalanceAsync(token, escrow.Escrow)).ShouldBe(Amount);
        (await ShouldRevertWith<SafeErc20FailedOperationError>(() => escrow.WithdrawAsync(Buyer, token, Payee.Address)))
            .Token.ShouldBeAddress(token);
        (await escrow.PendingWithdrawalAsync(Buyer.Address, token)).ShouldBe(Amount - Fee);

        await escrow.SendAsync(Admin, new SetFailTransfersFunction { Fail = false }, token);
        var buyerWithdrawal = await escrow.WithdrawAsync(Buyer, token, Payee.Address);
        var feeWithdrawal = await escrow.WithdrawAsync(FeeRecipient, token, FeeRecipient.Address);

        escrow.SingleEvent<WithdrawnEvent>(buyerWithdrawal).ShouldMatch(Buyer.Address, token, Payee.Address, Amount - Fee);
        escrow.SingleEvent<WithdrawnEvent>(feeWithdrawal).ShouldMatch(FeeRecipient.Address, token, FeeRecipient.Address, Fee);
        (await escrow.TokenBalanceAsync(token, Payee.Address)).ShouldBe(Amount - Fee);
        (await escrow.TokenBalanceAsync(token, FeeRecipient.Address)).ShouldBe(Fee);
        (await escrow.TokenBalanceAsync(token, escrow.Escrow)).ShouldBe(0);
        (await escrow.PendingWithdrawalAsync(Buyer.Address, token)).ShouldBe(0);
    }

    [Fact]
    public async Task Token_that_starts_failing_after_funding_defers_the_cancel_refund_instead_of_blocking_cancel()
    {
        var escrow = await DeployAsync(chain);
        var token = await escrow.DeployAllowedTokenAsync("FalseReturningToken");
        var (salt, tradeId) = NewTrade();
        await escrow.CreateTokenTradeAsync(salt, token, Amount);
        await escrow.SendAsync(Admin, new SetFailTransfersFunction { Fail = true }, token);

        var cancelled = await escrow.CancelAsync(tradeId, Buyer);

        escrow.SingleEvent<TradeCancelledEvent>(cancelled).ShouldMatch(tradeId, Buyer.Address);
        escrow.SingleEvent<PayoutDeferredEvent>(cancelled).ShouldMatch(tradeId, Seller.Address, Amount);
        (await escrow.PendingWithdrawalAsync(Seller.Address, token)).ShouldBe(Amount);
        (await escrow.TokenBalanceAsync(token, escrow.Escrow)).ShouldBe(Amount);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.Cancelled);
    }
}
