using EscrowP2P.Chain.Contracts;
using EscrowP2P.TestSupport;
using static EscrowP2P.ContractTests.EscrowHarness;

namespace EscrowP2P.ContractTests;

/// <summary>
/// markPaid is open strictly before expiresAt; the seller may cancel from expiresAt + SELLER_CANCEL_GRACE on.
/// Boundaries are hit to the second by pinning the next block's timestamp.
/// </summary>
public class PaymentWindowTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    private const ulong Grace = 10 * 60;

    [Fact]
    public async Task Buyer_can_mark_paid_in_the_last_second_before_expiry()
    {
        var (escrow, tradeId, expiresAt) = await FundedTradeAsync();
        await escrow.SetNextBlockTimestampAsync(expiresAt - 1);

        var paid = await escrow.MarkPaidAsync(tradeId);

        (await escrow.BlockTimestampAsync(paid)).ShouldBe(expiresAt - 1);
        escrow.SingleEvent<TradePaidEvent>(paid).ShouldMatch(tradeId);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.Paid);
    }

    [Fact]
    public async Task Buyer_cannot_mark_paid_at_the_moment_of_expiry()
    {
        var (escrow, tradeId, expiresAt) = await FundedTradeAsync();
        var before = await escrow.StateAsync(tradeId);
        await escrow.SetNextBlockTimestampAsync(expiresAt);

        var error = await ShouldRevertWith<PaymentWindowExpiredError>(() => escrow.MarkPaidAsync(tradeId));

        error.TradeId.ShouldBe(tradeId);
        error.ExpiresAt.ShouldBe(expiresAt);
        (await escrow.StateAsync(tradeId)).ShouldBe(before);
    }

    [Fact]
    public async Task Buyer_cannot_mark_paid_after_expiry_but_can_still_cancel()
    {
        var (escrow, tradeId, expiresAt) = await FundedTradeAsync();
        await chain.IncreaseTimeAsync(Window + 3600);

        var error = await ShouldRevertWith<PaymentWindowExpiredError>(() => escrow.MarkPaidAsync(tradeId));
        error.ExpiresAt.ShouldBe(expiresAt);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.Funded);

        var cancelled = await escrow.CancelAsync(tradeId, Buyer);
        escrow.SingleEvent<TradeCancelledEvent>(cancelled).ShouldMatch(tradeId, Buyer.Address);
    }

    [Fact]
    public async Task Seller_cannot_cancel_before_the_payment_window_expires()
    {
        var (escrow, tradeId, expiresAt) = await FundedTradeAsync();
        var before = await escrow.StateAsync(tradeId);

        var error = await ShouldRevertWith<CancelNotYetAllowedError>(() => escrow.CancelAsync(tradeId, Seller));

        error.TradeId.ShouldBe(tradeId);
        error.AllowedAt.ShouldBe(expiresAt + Grace);
        (await escrow.StateAsync(tradeId)).ShouldBe(before);
    }

    [Fact]
    public async Task Seller_cannot_cancel_during_the_grace_period_after_expiry()
    {
        var (escrow, tradeId, expiresAt) = await FundedTradeAsync();
        var before = await escrow.StateAsync(tradeId);

        await escrow.SetNextBlockTimestampAsync(expiresAt);
        (await ShouldRevertWith<CancelNotYetAllowedError>(() => escrow.CancelAsync(tradeId, Seller)))
            .AllowedAt.ShouldBe(expiresAt + Grace);

        await escrow.SetNextBlockTimestampAsync(expiresAt + Grace - 1);
        (await ShouldRevertWith<CancelNotYetAllowedError>(() => escrow.CancelAsync(tradeId, Seller)))
            .AllowedAt.ShouldBe(expiresAt + Grace);

        (await escrow.StateAsync(tradeId)).ShouldBe(before);
    }

    [Fact]
    public async Task Seller_can_cancel_from_the_first_second_after_the_grace_period()
    {
        var (escrow, tradeId, expiresAt) = await FundedTradeAsync();
        var sellerBefore = await chain.EthBalanceAsync(Seller.Address);
        await escrow.SetNextBlockTimestampAsync(expiresAt + Grace);

        var cancelled = await escrow.CancelAsync(tradeId, Seller);

        (await escrow.BlockTimestampAsync(cancelled)).ShouldBe(expiresAt + Grace);
        escrow.SingleEvent<TradeCancelledEvent>(cancelled).ShouldMatch(tradeId, Seller.Address);
        (await chain.EthBalanceAsync(Seller.Address)).ShouldBe(sellerBefore + Eth(1) - GasCost(cancelled));
        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(0);
    }

    private async Task<(EscrowHarness Escrow, byte[] TradeId, ulong ExpiresAt)> FundedTradeAsync()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        var created = await escrow.CreateEthTradeAsync(salt, Eth(1));
        var expiresAt = await escrow.BlockTimestampAsync(created) + Window;
        (await escrow.GetTradeAsync(tradeId)).ExpiresAt.ShouldBe(expiresAt);
        return (escrow, tradeId, expiresAt);
    }
}
