using EscrowP2P.Chain.Contracts;
using EscrowP2P.TestSupport;
using Nethereum.Contracts;
using static EscrowP2P.ContractTests.EscrowHarness;

namespace EscrowP2P.ContractTests;

public class EthTradeLifecycleTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task Seller_funds_buyer_marks_paid_seller_releases_amount_minus_fee_to_buyer()
    {
        var escrow = await DeployAsync(chain);
        var tradeId = NewTradeId();
        var amount = Eth(1.5m);
        var buyerBefore = await chain.EthBalanceAsync(Buyer.Address);
        var feeBefore = await chain.EthBalanceAsync(FeeRecipient.Address);

        var created = await escrow.CreateEthTradeAsync(tradeId, amount);
        var createdEvent = created.DecodeAllEvents<TradeCreatedEvent>().ShouldHaveSingleItem().Event;
        createdEvent.TradeId.ShouldBe(tradeId);
        createdEvent.Seller.ShouldBe(Seller.Address, StringCompareShould.IgnoreCase);
        createdEvent.Buyer.ShouldBe(Buyer.Address, StringCompareShould.IgnoreCase);
        createdEvent.Amount.ShouldBe(amount);
        createdEvent.FeeBps.ShouldBe(FeeBps);
        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(amount);

        var paid = await escrow.MarkPaidAsync(tradeId);
        paid.DecodeAllEvents<TradePaidEvent>().ShouldHaveSingleItem().Event.TradeId.ShouldBe(tradeId);
        var released = await escrow.ReleaseAsync(tradeId);

        var fee = amount * FeeBps / 10_000;
        var completed = released.DecodeAllEvents<TradeCompletedEvent>().ShouldHaveSingleItem().Event;
        completed.BuyerAmount.ShouldBe(amount - fee);
        completed.Fee.ShouldBe(fee);
        var gasPaidByBuyer = paid.GasUsed.Value * paid.EffectiveGasPrice.Value;
        (await chain.EthBalanceAsync(Buyer.Address)).ShouldBe(buyerBefore + amount - fee - gasPaidByBuyer);
        (await chain.EthBalanceAsync(FeeRecipient.Address)).ShouldBe(feeBefore + fee);
        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(0);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.Completed);
    }

    [Fact]
    public async Task Seller_cannot_cancel_after_buyer_marked_paid_even_after_expiry()
    {
        var escrow = await DeployAsync(chain);
        var tradeId = NewTradeId();
        await escrow.CreateEthTradeAsync(tradeId, Eth(1));
        await escrow.MarkPaidAsync(tradeId);
        await chain.IncreaseTimeAsync(Window + 3600);

        var error = await ShouldRevertWith<InvalidStatusError>(() => escrow.CancelAsync(tradeId, Seller));

        error.Status.ShouldBe((byte)TradeStatus.Paid);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.Paid);
    }
}
