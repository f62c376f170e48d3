using EscrowP2P.Chain.Contracts;
using EscrowP2P.TestSupport;
using static EscrowP2P.ContractTests.EscrowHarness;

namespace EscrowP2P.ContractTests;

/// <summary>Actions outside their allowed states are refused with the trade's current status, and pay nothing.</summary>
public class TradeStateRulesTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task Buyer_cannot_mark_paid_twice()
    {
        var (escrow, tradeId) = await FundedTradeAsync();
        await escrow.MarkPaidAsync(tradeId);

        await ShouldBeRefusedInAsync(escrow, tradeId, TradeStatus.Paid, () => escrow.MarkPaidAsync(tradeId));
    }

    [Fact]
    public async Task Buyer_cannot_mark_paid_after_the_seller_released()
    {
        var (escrow, tradeId) = await FundedTradeAsync();
        await escrow.ReleaseAsync(tradeId);

        await ShouldBeRefusedInAsync(escrow, tradeId, TradeStatus.Completed, () => escrow.MarkPaidAsync(tradeId));
    }

    [Fact]
    public async Task Seller_cannot_release_twice_so_the_buyer_is_paid_once()
    {
        var (escrow, tradeId) = await FundedTradeAsync();
        await escrow.ReleaseAsync(tradeId);
        var buyerBefore = await chain.EthBalanceAsync(Buyer.Address);

        await ShouldBeRefusedInAsync(escrow, tradeId, TradeStatus.Completed, () => escrow.ReleaseAsync(tradeId));

        (await chain.EthBalanceAsync(Buyer.Address)).ShouldBe(buyerBefore);
    }

    [Fact]
    public async Task Seller_cannot_release_after_the_buyer_cancelled()
    {
        var (escrow, tradeId) = await FundedTradeAsync();
        await escrow.CancelAsync(tradeId, Buyer);
        var buyerBefore = await chain.EthBalanceAsync(Buyer.Address);

        await ShouldBeRefusedInAsync(escrow, tradeId, TradeStatus.Cancelled, () => escrow.ReleaseAsync(tradeId));

        (await chain.EthBalanceAsync(Buyer.Address)).ShouldBe(buyerBefore);
    }

    [Fact]
    public async Task Dispute_cannot_be_opened_before_the_buyer_marked_paid()
    {
        var (escrow, tradeId) = await FundedTradeAsync();

        await ShouldBeRefusedInAsync(escrow, tradeId, TradeStatus.Funded, () => escrow.OpenDisputeAsync(tradeId, Buyer));
    }

    [Fact]
    public async Task Dispute_cannot_be_opened_on_a_completed_trade()
    {
        var (escrow, tradeId) = await FundedTradeAsync();
        await escrow.MarkPaidAsync(tradeId);
        await escrow.ReleaseAsync(tradeId);

        await ShouldBeRefusedInAsync(escrow, tradeId, TradeStatus.Completed, () => escrow.OpenDisputeAsync(tradeId, Buyer));
    }

    [Theory]
    [InlineData("markPaid")]
    [InlineData("release")]
    [InlineData("cancel")]
    [InlineData("openDispute")]
    [InlineData("resolveDispute")]
    public async Task Actions_on_an_unknown_trade_revert_with_TradeNotFound(string action)
    {
        var escrow = await DeployAsync(chain);
        var (unknownSalt, unknown) = NewTrade();
        Func<Task> call = action switch
        {
            "markPaid" => () => escrow.MarkPaidAsync(unknown),
            "release" => () => escrow.ReleaseAsync(unknown),
            "cancel" => () => escrow.CancelAsync(unknown, Buyer),
            "openDispute" => () => escrow.OpenDisputeAsync(unknown, Buyer),
            _ => () => escrow.ResolveAsync(unknown, 5_000),
        };

        var error = await ShouldRevertWith<TradeNotFoundError>(call);

        error.TradeId.ShouldBe(unknown);
        (await escrow.GetTradeAsync(unknown)).Status.ShouldBe(TradeStatus.None);
    }

    private static async Task ShouldBeRefusedInAsync(EscrowHarness escrow, byte[] tradeId, TradeStatus status, Func<Task> action)
    {
        var before = await escrow.StateAsync(tradeId);

        var error = await ShouldRevertWith<InvalidStatusError>(action);

        error.TradeId.ShouldBe(tradeId);
        error.Status.ShouldBe((byte)status);
        (await escrow.StateAsync(tradeId)).ShouldBe(before);
        before.Status.ShouldBe(status);
    }

    private async Task<(EscrowHarness Escrow, byte[] TradeId)> FundedTradeAsync()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        await escrow.CreateEthTradeAsync(salt, Eth(1));
        return (escrow, tradeId);
    }
}
