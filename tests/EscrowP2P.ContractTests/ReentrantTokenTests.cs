using EscrowP2P.Chain.Contracts;
using EscrowP2P.TestSupport;
using static EscrowP2P.ContractTests.EscrowHarness;

namespace EscrowP2P.ContractTests;

/// <summary>
/// ReentrantToken calls back into the escrow from inside a transfer. The cross-trade cases make the token the buyer
/// of a second trade, so the re-entered cancel would be legitimate on its own: only the reentrancy guard stops it.
/// </summary>
public class ReentrantTokenTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    private const long Amount = 1_000_000;
    private const long Fee = 10_000;

    [Fact]
    public async Task Token_reentering_release_during_the_release_payout_is_blocked_and_pays_once()
    {
        var escrow = await DeployAsync(chain);
        var token = await escrow.DeployAllowedTokenAsync("ReentrantToken");
        var (salt, tradeId) = NewTrade();
        await escrow.CreateTokenTradeAsync(salt, token, Amount);
        await escrow.MarkPaidAsync(tradeId);
        await escrow.ArmTokenReentryAsync(token, new ReleaseFunction { TradeId = tradeId });

        var released = await escrow.ReleaseAsync(tradeId);

        await ShouldHaveBeenBlockedByGuardAsync(escrow, token);
        escrow.SingleEvent<TradeCompletedEvent>(released).ShouldMatch(tradeId, Amount - Fee, Fee);
        escrow.EventsOf<PayoutDeferredEvent>(released).ShouldBeEmpty();
        (await escrow.TokenBalanceAsync(token, Buyer.Address)).ShouldBe(Amount - Fee);
        (await escrow.TokenBalanceAsync(token, FeeRecipient.Address)).ShouldBe(Fee);
        (await escrow.TokenBalanceAsync(token, escrow.Escrow)).ShouldBe(0);
    }

    [Fact]
    public async Task Token_cannot_cancel_another_trade_during_a_cancel_refund_but_could_outside_the_escrow()
    {
        var escrow = await DeployAsync(chain);
        var token = await escrow.DeployAllowedTokenAsync("ReentrantToken");
        var (tradeASalt, tradeA) = NewTrade();
        var (tradeBSalt, tradeB) = NewTrade();
        await escrow.CreateTokenTradeAsync(tradeBSalt, token, 3 * Amount, buyer: token);
        await escrow.CreateTokenTradeAsync(tradeASalt, token, Amount);
        await escrow.ArmTokenReentryAsync(token, new CancelFunction { TradeId = tradeB });

        var cancelled = await escrow.CancelAsync(tradeA, Buyer);

        await ShouldHaveBeenBlockedByGuardAsync(escrow, token);
        escrow.SingleEvent<TradeCancelledEvent>(cancelled).ShouldMatch(tradeA, Buyer.Address);
        (await escrow.GetTradeAsync(tradeB)).Status.ShouldBe(TradeStatus.Funded);
        (await escrow.TokenBalanceAsync(token, Seller.Address)).ShouldBe(Amount);
        (await escrow.TokenBalanceAsync(token, escrow.Escrow)).ShouldBe(3 * Amount);

        // Control: the same re-entry from an ordinary transfer, outside any escrow call, goes through.
        await escrow.ArmTokenReentryAsync(token, new CancelFunction { TradeId = tradeB });
        await escrow.As(Seller).Eth.ERC20.GetContractService(token).TransferRequestAndWaitForReceiptAsync(Payee.Address, 1);
        (await escrow.ReentrySucceededAsync(token)).ShouldBeTrue();
        (await escrow.GetTradeAsync(tradeB)).Status.ShouldBe(TradeStatus.Cancelled);
        (await escrow.TokenBalanceAsync(token, escrow.Escrow)).ShouldBe(0);
    }

    [Fact]
    public async Task Token_cannot_cancel_another_trade_from_inside_createTrade_transferFrom()
    {
        var escrow = await DeployAsync(chain);
        var token = await escrow.DeployAllowedTokenAsync("ReentrantToken");
        var (tradeASalt, tradeA) = NewTrade();
        var (tradeBSalt, tradeB) = NewTrade();
        await escrow.CreateTokenTradeAsync(tradeBSalt, token, 3 * Amount, buyer: token);
        await escrow.MintAndApproveAsync(token, Seller, Amount);
        await escrow.ArmTokenReentryAsync(token, new CancelFunction { TradeId = tradeB });

        var created = await escrow.CreateApprovedTokenTradeAsync(tradeASalt, token, Amount);

        await ShouldHaveBeenBlockedByGuardAsync(escrow, token);
        escrow.SingleEvent<TradeCreatedEvent>(created).ShouldMatch(tradeA, Seller.Address, Buyer.Address, token, Amount,
            FeeBps, await escrow.BlockTimestampAsync(created) + Window);
        escrow.EventsOf<TradeCancelledEvent>(created).ShouldBeEmpty();
        (await escrow.GetTradeAsync(tradeA)).Status.ShouldBe(TradeStatus.Funded);
        (await escrow.GetTradeAsync(tradeB)).Status.ShouldBe(TradeStatus.Funded);
        (await escrow.TokenBalanceAsync(token, escrow.Escrow)).ShouldBe(4 * Amount);
        (await escrow.TokenBalanceAsync(token, Seller.Address)).ShouldBe(0);
    }

    private static async Task ShouldHaveBeenBlockedByGuardAsync(EscrowHarness escrow, string token)
    {
        (await escrow.QueryAsync<TokenReentryAttemptedFunction, bool>(new TokenReentryAttemptedFunction(), token)).ShouldBeTrue();
        (await escrow.ReentrySucceededAsync(token)).ShouldBeFalse();
        (await escrow.TokenReentryRevertDataAsync(token)).ShouldBe(Selector<ReentrancyGuardReentrantCallError>());
    }
}
