using EscrowP2P.Chain.Contracts;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;
using static EscrowP2P.ContractTests.EscrowHarness;

namespace EscrowP2P.ContractTests;

/// <summary>Cancel refunds the seller once, only from Funded or Paid (timing rules are in PaymentWindowTests).</summary>
public class CancelRulesTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task Seller_cannot_cancel_after_buyer_marked_paid_even_within_the_window()
    {
        var (escrow, tradeId) = await FundedTradeAsync();
        await escrow.MarkPaidAsync(tradeId);

        await ShouldBeRefusedInAsync(escrow, tradeId, TradeStatus.Paid, Seller);
    }

    [Fact]
    public async Task Buyer_cannot_cancel_a_completed_trade()
    {
        var (escrow, tradeId) = await FundedTradeAsync();
        await escrow.ReleaseAsync(tradeId);

        await ShouldBeRefusedInAsync(escrow, tradeId, TradeStatus.Completed, Buyer);
    }

    [Fact]
    public async Task Buyer_cannot_cancel_a_disputed_trade_to_bypass_the_moderator()
    {
        var (escrow, tradeId) = await FundedTradeAsync();
        await escrow.MarkPaidAsync(tradeId);
        await escrow.OpenDisputeAsync(tradeId, Seller);

        await ShouldBeRefusedInAsync(escrow, tradeId, TradeStatus.Disputed, Buyer);
    }

    [Fact]
    public async Task Seller_cannot_cancel_a_trade_the_buyer_already_cancelled_so_the_refund_is_paid_once()
    {
        var (escrow, tradeId) = await FundedTradeAsync();
        await escrow.CancelAsync(tradeId, Buyer);
        await chain.IncreaseTimeAsync(Window + 3600);
        var sellerBefore = await chain.EthBalanceAsync(Seller.Address);

        await ShouldBeRefusedInAsync(escrow, tradeId, TradeStatus.Cancelled, Seller);

        (await chain.EthBalanceAsync(Seller.Address)).ShouldBe(sellerBefore);
    }

    [Fact]
    public async Task Buyer_cannot_cancel_a_resolved_trade()
    {
        var (escrow, tradeId) = await FundedTradeAsync();
        await escrow.MarkPaidAsync(tradeId);
        await escrow.OpenDisputeAsync(tradeId, Buyer);
        await escrow.ResolveAsync(tradeId, 10_000);

        await ShouldBeRefusedInAsync(escrow, tradeId, TradeStatus.Resolved, Buyer);
    }

    private static async Task ShouldBeRefusedInAsync(EscrowHarness escrow, byte[] tradeId, TradeStatus status, DevAccount by)
    {
        var before = await escrow.StateAsync(tradeId);

        var error = await ShouldRevertWith<InvalidStatusError>(() => escrow.CancelAsync(tradeId, by));

        error.TradeId.ShouldBe(tradeId);
        error.Status.ShouldBe((byte)status);
        (await escrow.StateAsync(tradeId)).ShouldBe(before);
    }

    private async Task<(EscrowHarness Escrow, byte[] TradeId)> FundedTradeAsync()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        await escrow.CreateEthTradeAsync(salt, Eth(1));
        return (escrow, tradeId);
    }
}
