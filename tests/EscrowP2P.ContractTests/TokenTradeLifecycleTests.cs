using EscrowP2P.Chain.Contracts;
using EscrowP2P.TestSupport;
using static EscrowP2P.ContractTests.EscrowHarness;

namespace EscrowP2P.ContractTests;

/// <summary>The stablecoin has 6 decimals: 250_000_000 is 250 tUSD, and the 1% fee is 2_500_000.</summary>
public class TokenTradeLifecycleTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    private const long Amount = 250_000_000;
    private const long Fee = 2_500_000;

    [Fact]
    public async Task Seller_funds_with_stablecoin_buyer_marks_paid_seller_releases_amount_minus_fee()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();

        var created = await escrow.CreateTokenTradeAsync(salt, escrow.Stablecoin, Amount);

        escrow.SingleEvent<TradeCreatedEvent>(created).ShouldMatch(tradeId, Seller.Address, Buyer.Address, escrow.Stablecoin,
            Amount, FeeBps, await escrow.BlockTimestampAsync(created) + Window);
        (await escrow.TokenBalanceAsync(escrow.Stablecoin, Seller.Address)).ShouldBe(0);
        (await escrow.TokenBalanceAsync(escrow.Stablecoin, escrow.Escrow)).ShouldBe(Amount);

        var paid = await escrow.MarkPaidAsync(tradeId);
        escrow.SingleEvent<TradePaidEvent>(paid).ShouldMatch(tradeId);
        var released = await escrow.ReleaseAsync(tradeId);

        escrow.SingleEvent<TradeCompletedEvent>(released).ShouldMatch(tradeId, Amount - Fee, Fee);
        escrow.EventsOf<PayoutDeferredEvent>(released).ShouldBeEmpty();
        await ShouldHoldAsync(escrow, buyer: Amount - Fee, seller: 0, fee: Fee, inEscrow: 0);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.Completed);
    }

    [Fact]
    public async Task Seller_can_release_a_stablecoin_trade_straight_from_funded()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        await escrow.CreateTokenTradeAsync(salt, escrow.Stablecoin, Amount);

        var released = await escrow.ReleaseAsync(tradeId);

        escrow.SingleEvent<TradeCompletedEvent>(released).ShouldMatch(tradeId, Amount - Fee, Fee);
        await ShouldHoldAsync(escrow, buyer: Amount - Fee, seller: 0, fee: Fee, inEscrow: 0);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.Completed);
    }

    [Fact]
    public async Task Buyer_cancel_while_funded_returns_every_stablecoin_to_the_seller()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        await escrow.CreateTokenTradeAsync(salt, escrow.Stablecoin, Amount);

        var cancelled = await escrow.CancelAsync(tradeId, Buyer);

        escrow.SingleEvent<TradeCancelledEvent>(cancelled).ShouldMatch(tradeId, Buyer.Address);
        await ShouldHoldAsync(escrow, buyer: 0, seller: Amount, fee: 0, inEscrow: 0);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.Cancelled);
    }

    [Fact]
    public async Task Buyer_cancel_after_marking_paid_returns_every_stablecoin_to_the_seller()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        await escrow.CreateTokenTradeAsync(salt, escrow.Stablecoin, Amount);
        await escrow.MarkPaidAsync(tradeId);

        var cancelled = await escrow.CancelAsync(tradeId, Buyer);

        escrow.SingleEvent<TradeCancelledEvent>(cancelled).ShouldMatch(tradeId, Buyer.Address);
        await ShouldHoldAsync(escrow, buyer: 0, seller: Amount, fee: 0, inEscrow: 0);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.Cancelled);
    }

    [Fact]
    public async Task Seller_cancel_after_expiry_plus_grace_returns_every_stablecoin_to_the_seller()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        await escrow.CreateTokenTradeAsync(salt, escrow.Stablecoin, Amount);
        await chain.IncreaseTimeAsync(Window + 10 * 60);

        var cancelled = await escrow.CancelAsync(tradeId, Seller);

        escrow.SingleEvent<TradeCancelledEvent>(cancelled).ShouldMatch(tradeId, Seller.Address);
        await ShouldHoldAsync(escrow, buyer: 0, seller: Amount, fee: 0, inEscrow: 0);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.Cancelled);
    }

    [Fact]
    public async Task Funds_of_a_token_removed_from_the_allow_list_can_still_be_released()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        await escrow.CreateTokenTradeAsync(salt, escrow.Stablecoin, Amount);
        await escrow.MarkPaidAsync(tradeId);
        await escrow.SendAsync(Admin, new SetTokenAllowedFunction { Token = escrow.Stablecoin, Allowed = false });

        var released = await escrow.ReleaseAsync(tradeId);

        escrow.SingleEvent<TradeCompletedEvent>(released).ShouldMatch(tradeId, Amount - Fee, Fee);
        await ShouldHoldAsync(escrow, buyer: Amount - Fee, seller: 0, fee: Fee, inEscrow: 0);
    }

    private static async Task ShouldHoldAsync(EscrowHarness escrow, long buyer, long seller, long fee, long inEscrow)
    {
        (await escrow.TokenBalanceAsync(escrow.Stablecoin, Buyer.Address)).ShouldBe(buyer);
        (await escrow.TokenBalanceAsync(escrow.Stablecoin, Seller.Address)).ShouldBe(seller);
        (await escrow.TokenBalanceAsync(escrow.Stablecoin, FeeRecipient.Address)).ShouldBe(fee);
        (await escrow.TokenBalanceAsync(escrow.Stablecoin, escrow.Escrow)).ShouldBe(inEscrow);
    }
}
