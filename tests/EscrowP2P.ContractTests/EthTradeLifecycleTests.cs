using EscrowP2P.Chain.Contracts;
using EscrowP2P.TestSupport;
using static EscrowP2P.ContractTests.EscrowHarness;

namespace EscrowP2P.ContractTests;

public class EthTradeLifecycleTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task Seller_funds_buyer_marks_paid_seller_releases_amount_minus_fee_to_buyer()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        var amount = Eth(1.5m);
        var sellerBefore = await chain.EthBalanceAsync(Seller.Address);
        var buyerBefore = await chain.EthBalanceAsync(Buyer.Address);
        var feeBefore = await chain.EthBalanceAsync(FeeRecipient.Address);

        var created = await escrow.CreateEthTradeAsync(salt, amount);
        escrow.SingleEvent<TradeCreatedEvent>(created).ShouldMatch(tradeId, Seller.Address, Buyer.Address, ZeroAddress,
            amount, FeeBps, await escrow.BlockTimestampAsync(created) + Window);
        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(amount);

        var paid = await escrow.MarkPaidAsync(tradeId);
        escrow.SingleEvent<TradePaidEvent>(paid).ShouldMatch(tradeId);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.Paid);
        var released = await escrow.ReleaseAsync(tradeId);

        var fee = Eth(0.015m);
        escrow.SingleEvent<TradeCompletedEvent>(released).ShouldMatch(tradeId, amount - fee, fee);
        escrow.EventsOf<PayoutDeferredEvent>(released).ShouldBeEmpty();
        (await chain.EthBalanceAsync(Buyer.Address)).ShouldBe(buyerBefore + amount - fee - GasCost(paid));
        (await chain.EthBalanceAsync(Seller.Address)).ShouldBe(sellerBefore - amount - GasCost(created) - GasCost(released));
        (await chain.EthBalanceAsync(FeeRecipient.Address)).ShouldBe(feeBefore + fee);
        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(0);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.Completed);
    }

    [Fact]
    public async Task Seller_can_release_straight_from_funded_without_waiting_for_markPaid()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        await escrow.CreateEthTradeAsync(salt, Eth(2));
        var sellerBefore = await chain.EthBalanceAsync(Seller.Address);
        var buyerBefore = await chain.EthBalanceAsync(Buyer.Address);
        var feeBefore = await chain.EthBalanceAsync(FeeRecipient.Address);

        var released = await escrow.ReleaseAsync(tradeId);

        escrow.SingleEvent<TradeCompletedEvent>(released).ShouldMatch(tradeId, Eth(1.98m), Eth(0.02m));
        (await chain.EthBalanceAsync(Buyer.Address)).ShouldBe(buyerBefore + Eth(1.98m));
        (await chain.EthBalanceAsync(FeeRecipient.Address)).ShouldBe(feeBefore + Eth(0.02m));
        (await chain.EthBalanceAsync(Seller.Address)).ShouldBe(sellerBefore - GasCost(released));
        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(0);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.Completed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Buyer_cancel_while_funded_or_after_marking_paid_refunds_the_seller_in_full_without_fee(bool markedPaid)
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        await escrow.CreateEthTradeAsync(salt, Eth(1));
        if (markedPaid) await escrow.MarkPaidAsync(tradeId);
        var sellerBefore = await chain.EthBalanceAsync(Seller.Address);
        var feeBefore = await chain.EthBalanceAsync(FeeRecipient.Address);

        var cancelled = await escrow.CancelAsync(tradeId, Buyer);

        escrow.SingleEvent<TradeCancelledEvent>(cancelled).ShouldMatch(tradeId, Buyer.Address);
        (await chain.EthBalanceAsync(Seller.Address)).ShouldBe(sellerBefore + Eth(1));
        (await chain.EthBalanceAsync(FeeRecipient.Address)).ShouldBe(feeBefore);
        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(0);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.Cancelled);
    }

    [Fact]
    public async Task Seller_cancel_after_expiry_plus_grace_refunds_the_seller_in_full()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        await escrow.CreateEthTradeAsync(salt, Eth(1));
        await chain.IncreaseTimeAsync(Window + 10 * 60);
        var sellerBefore = await chain.EthBalanceAsync(Seller.Address);
        var feeBefore = await chain.EthBalanceAsync(FeeRecipient.Address);

        var cancelled = await escrow.CancelAsync(tradeId, Seller);

        escrow.SingleEvent<TradeCancelledEvent>(cancelled).ShouldMatch(tradeId, Seller.Address);
        (await chain.EthBalanceAsync(Seller.Address)).ShouldBe(sellerBefore + Eth(1) - GasCost(cancelled));
        (await chain.EthBalanceAsync(FeeRecipient.Address)).ShouldBe(feeBefore);
        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(0);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.Cancelled);
    }

    [Fact]
    public async Task Seller_cannot_cancel_after_buyer_marked_paid_even_after_expiry()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        await escrow.CreateEthTradeAsync(salt, Eth(1));
        await escrow.MarkPaidAsync(tradeId);
        await chain.IncreaseTimeAsync(Window + 3600);
        var before = await escrow.StateAsync(tradeId);

        var error = await ShouldRevertWith<InvalidStatusError>(() => escrow.CancelAsync(tradeId, Seller));

        error.TradeId.ShouldBe(tradeId);
        error.Status.ShouldBe((byte)TradeStatus.Paid);
        (await escrow.StateAsync(tradeId)).ShouldBe(before);
    }
}
