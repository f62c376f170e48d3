using System.Numerics;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.TestSupport;
using static EscrowP2P.ContractTests.EscrowHarness;

namespace EscrowP2P.ContractTests;

/// <summary>
/// buyerShare = amount * buyerBps / 10000 (rounded down), fee = buyerShare * feeBps / 10000, the rest to the seller.
/// Expected figures are written out, not recomputed with the contract's formula.
/// </summary>
public class DisputeResolutionTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task Buyer_opens_dispute_and_moderator_awards_everything_to_the_buyer_minus_fee()
    {
        var (escrow, tradeId) = await PaidEthTradeAsync(Eth(1));
        var opened = await escrow.OpenDisputeAsync(tradeId, Buyer);
        escrow.SingleEvent<DisputeOpenedEvent>(opened).ShouldMatch(tradeId, Buyer.Address);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.Disputed);

        await ResolveAndCheckEthAsync(escrow, tradeId, 10_000, buyer: Eth(0.99m), seller: 0, fee: Eth(0.01m));
    }

    [Fact]
    public async Task Seller_opens_dispute_and_moderator_refunds_the_seller_in_full_without_fee()
    {
        var (escrow, tradeId) = await PaidEthTradeAsync(Eth(1));
        var opened = await escrow.OpenDisputeAsync(tradeId, Seller);
        escrow.SingleEvent<DisputeOpenedEvent>(opened).ShouldMatch(tradeId, Seller.Address);

        await ResolveAndCheckEthAsync(escrow, tradeId, 0, buyer: 0, seller: Eth(1), fee: 0);
    }

    [Fact]
    public async Task Odd_split_of_an_odd_wei_amount_adds_up_exactly_with_the_remainder_to_the_seller()
    {
        var (escrow, tradeId) = await PaidEthTradeAsync(1_000_003);
        await escrow.OpenDisputeAsync(tradeId, Buyer);

        // 1_000_003 * 3333 / 10000 = 333_300 (333_300.9999 rounded down); fee 1% of that = 3_333.
        await ResolveAndCheckEthAsync(escrow, tradeId, 3_333, buyer: 329_967, seller: 666_703, fee: 3_333);
    }

    [Fact]
    public async Task Odd_split_of_a_stablecoin_trade_adds_up_exactly_with_the_remainder_to_the_seller()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        await escrow.CreateTokenTradeAsync(salt, escrow.Stablecoin, 999_999_999);
        await escrow.MarkPaidAsync(tradeId);
        await escrow.OpenDisputeAsync(tradeId, Seller);

        var resolved = await escrow.ResolveAsync(tradeId, 6_667);

        // buyer share 666_699_999 (666_699_999.3333 rounded down), fee 6_666_999 (6_666_999.99 rounded down).
        escrow.SingleEvent<DisputeResolvedEvent>(resolved)
            .ShouldMatch(tradeId, Moderator.Address, 6_667, 660_033_000, 333_300_000, 6_666_999);
        (await escrow.TokenBalanceAsync(escrow.Stablecoin, Buyer.Address)).ShouldBe(660_033_000);
        (await escrow.TokenBalanceAsync(escrow.Stablecoin, Seller.Address)).ShouldBe(333_300_000);
        (await escrow.TokenBalanceAsync(escrow.Stablecoin, FeeRecipient.Address)).ShouldBe(6_666_999);
        (await escrow.TokenBalanceAsync(escrow.Stablecoin, escrow.Escrow)).ShouldBe(0);
    }

    [Fact]
    public async Task Dispute_cannot_be_opened_twice()
    {
        var (escrow, tradeId) = await DisputedEthTradeAsync();
        var before = await escrow.StateAsync(tradeId);

        var error = await ShouldRevertWith<InvalidStatusError>(() => escrow.OpenDisputeAsync(tradeId, Seller));

        error.TradeId.ShouldBe(tradeId);
        error.Status.ShouldBe((byte)TradeStatus.Disputed);
        (await escrow.StateAsync(tradeId)).ShouldBe(before);
    }

    [Fact]
    public async Task Seller_cannot_release_a_disputed_trade_around_the_moderator()
    {
        var (escrow, tradeId) = await DisputedEthTradeAsync();
        var before = await escrow.StateAsync(tradeId);

        var error = await ShouldRevertWith<InvalidStatusError>(() => escrow.ReleaseAsync(tradeId));

        error.Status.ShouldBe((byte)TradeStatus.Disputed);
        (await escrow.StateAsync(tradeId)).ShouldBe(before);
    }

    [Fact]
    public async Task Moderator_cannot_resolve_a_trade_that_is_not_disputed()
    {
        var (escrow, tradeId) = await PaidEthTradeAsync(Eth(1));
        var before = await escrow.StateAsync(tradeId);

        var error = await ShouldRevertWith<InvalidStatusError>(() => escrow.ResolveAsync(tradeId, 5_000));

        error.TradeId.ShouldBe(tradeId);
        error.Status.ShouldBe((byte)TradeStatus.Paid);
        (await escrow.StateAsync(tradeId)).ShouldBe(before);
    }

    [Fact]
    public async Task Dispute_cannot_be_resolved_twice_so_nobody_is_paid_twice()
    {
        var (escrow, tradeId) = await DisputedEthTradeAsync();
        await escrow.ResolveAsync(tradeId, 5_000);
        var buyerBefore = await chain.EthBalanceAsync(Buyer.Address);
        var sellerBefore = await chain.EthBalanceAsync(Seller.Address);

        var error = await ShouldRevertWith<InvalidStatusError>(() => escrow.ResolveAsync(tradeId, 10_000));

        error.Status.ShouldBe((byte)TradeStatus.Resolved);
        (await chain.EthBalanceAsync(Buyer.Address)).ShouldBe(buyerBefore);
        (await chain.EthBalanceAsync(Seller.Address)).ShouldBe(sellerBefore);
        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(0);
    }

    [Fact]
    public async Task Buyer_share_above_10000_bps_is_rejected()
    {
        var (escrow, tradeId) = await DisputedEthTradeAsync();
        var before = await escrow.StateAsync(tradeId);

        var error = await ShouldRevertWith<InvalidBuyerBpsError>(() => escrow.ResolveAsync(tradeId, 10_001));

        error.BuyerBps.ShouldBe((ushort)10_001);
        (await escrow.StateAsync(tradeId)).ShouldBe(before);
    }

    [Theory]
    [InlineData("buyer")]
    [InlineData("seller")]
    public async Task Moderator_who_is_a_party_cannot_resolve_their_own_trade(string party)
    {
        var (escrow, tradeId) = await DisputedEthTradeAsync();
        var moderator = party == "buyer" ? Buyer : Seller;
        await escrow.GrantModeratorAsync(moderator.Address);
        var before = await escrow.StateAsync(tradeId);

        var error = await ShouldRevertWith<ModeratorIsPartyError>(() => escrow.ResolveAsync(tradeId, 5_000, moderator));

        error.TradeId.ShouldBe(tradeId);
        error.Moderator.ShouldBeAddress(moderator.Address);
        (await escrow.StateAsync(tradeId)).ShouldBe(before);
    }

    [Fact]
    public async Task Account_without_moderator_role_cannot_resolve_not_even_the_admin()
    {
        var (escrow, tradeId) = await DisputedEthTradeAsync();
        var before = await escrow.StateAsync(tradeId);

        var error = await ShouldRevertWith<AccessControlUnauthorizedAccountError>(() => escrow.ResolveAsync(tradeId, 10_000, Admin));

        error.Account.ShouldBeAddress(Admin.Address);
        error.NeededRole.ShouldBe(await escrow.ModeratorRoleAsync());
        (await escrow.StateAsync(tradeId)).ShouldBe(before);
    }

    private async Task ResolveAndCheckEthAsync(EscrowHarness escrow, byte[] tradeId, ushort buyerBps, BigInteger buyer, BigInteger seller, BigInteger fee)
    {
        (buyer + seller + fee).ShouldBe((await escrow.GetTradeAsync(tradeId)).Amount);
        var before = await BalancesAsync(escrow);

        var resolved = await escrow.ResolveAsync(tradeId, buyerBps);

        escrow.SingleEvent<DisputeResolvedEvent>(resolved).ShouldMatch(tradeId, Moderator.Address, buyerBps, buyer, seller, fee);
        escrow.EventsOf<PayoutDeferredEvent>(resolved).ShouldBeEmpty();
        (await BalancesAsync(escrow)).ShouldBe([before[0] + buyer, before[1] + seller, before[2] + fee, 0]);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.Resolved);
    }

    private async Task<BigInteger[]> BalancesAsync(EscrowHarness escrow) =>
    [
        await chain.EthBalanceAsync(Buyer.Address),
        await chain.EthBalanceAsync(Seller.Address),
        await chain.EthBalanceAsync(FeeRecipient.Address),
        await chain.EthBalanceAsync(escrow.Escrow),
    ];

    private async Task<(EscrowHarness Escrow, byte[] TradeId)> PaidEthTradeAsync(BigInteger amount)
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        await escrow.CreateEthTradeAsync(salt, amount);
        await escrow.MarkPaidAsync(tradeId);
        return (escrow, tradeId);
    }

    private async Task<(EscrowHarness Escrow, byte[] TradeId)> DisputedEthTradeAsync()
    {
        var (escrow, tradeId) = await PaidEthTradeAsync(Eth(1));
        await escrow.OpenDisputeAsync(tradeId, Buyer);
        return (escrow, tradeId);
    }
}
