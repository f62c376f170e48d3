using EscrowP2P.Chain.Contracts;
using EscrowP2P.TestSupport;
using static EscrowP2P.ContractTests.EscrowHarness;

namespace EscrowP2P.ContractTests;

/// <summary>A blacklisted address (as USDT/USDC do it) gets its share credited, never blocking anyone else's.</summary>
public class BlacklistedPartyTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    private const long Amount = 100_000_000;

    [Fact]
    public async Task Release_to_a_blacklisted_buyer_pays_the_fee_and_credits_the_buyer_who_withdraws_elsewhere()
    {
        var (escrow, token, tradeId) = await PaidBlacklistTokenTradeAsync();
        await BlacklistAsync(escrow, token, Buyer.Address);

        var released = await escrow.ReleaseAsync(tradeId);

        escrow.SingleEvent<TradeCompletedEvent>(released).ShouldMatch(tradeId, 99_000_000, 1_000_000);
        escrow.SingleEvent<PayoutDeferredEvent>(released).ShouldMatch(tradeId, Buyer.Address, 99_000_000);
        (await escrow.TokenBalanceAsync(token, FeeRecipient.Address)).ShouldBe(1_000_000);
        (await escrow.PendingWithdrawalAsync(Buyer.Address, token)).ShouldBe(99_000_000);
        (await escrow.TokenBalanceAsync(token, escrow.Escrow)).ShouldBe(99_000_000);

        var withdrawn = await escrow.WithdrawAsync(Buyer, token, Payee.Address);

        escrow.SingleEvent<WithdrawnEvent>(withdrawn).ShouldMatch(Buyer.Address, token, Payee.Address, 99_000_000);
        (await escrow.TokenBalanceAsync(token, Payee.Address)).ShouldBe(99_000_000);
        (await escrow.TokenBalanceAsync(token, escrow.Escrow)).ShouldBe(0);
        (await escrow.PendingWithdrawalAsync(Buyer.Address, token)).ShouldBe(0);
    }

    [Fact]
    public async Task Credit_can_be_withdrawn_only_once()
    {
        var (escrow, token, tradeId) = await PaidBlacklistTokenTradeAsync();
        await BlacklistAsync(escrow, token, Buyer.Address);
        await escrow.ReleaseAsync(tradeId);
        await escrow.WithdrawAsync(Buyer, token, Payee.Address);

        var error = await ShouldRevertWith<NothingToWithdrawError>(() => escrow.WithdrawAsync(Buyer, token, Payee.Address));

        error.Account.ShouldBeAddress(Buyer.Address);
        error.Token.ShouldBeAddress(token);
        (await escrow.TokenBalanceAsync(token, Payee.Address)).ShouldBe(99_000_000);
    }

    [Fact]
    public async Task Credit_cannot_be_withdrawn_to_the_escrow_itself_where_it_would_be_locked()
    {
        var (escrow, token, tradeId) = await PaidBlacklistTokenTradeAsync();
        await BlacklistAsync(escrow, token, Buyer.Address);
        await escrow.ReleaseAsync(tradeId);

        var error = await ShouldRevertWith<InvalidRecipientError>(() => escrow.WithdrawAsync(Buyer, token, escrow.Escrow));

        error.To.ShouldBeAddress(escrow.Escrow);
        (await escrow.PendingWithdrawalAsync(Buyer.Address, token)).ShouldBe(99_000_000);
        (await escrow.TokenBalanceAsync(token, escrow.Escrow)).ShouldBe(99_000_000);
    }

    [Fact]
    public async Task Dispute_resolution_pays_the_buyer_even_when_the_seller_is_blacklisted()
    {
        var (escrow, token, tradeId) = await PaidBlacklistTokenTradeAsync();
        await escrow.OpenDisputeAsync(tradeId, Buyer);
        await BlacklistAsync(escrow, token, Seller.Address);

        var resolved = await escrow.ResolveAsync(tradeId, 6_000);

        escrow.SingleEvent<DisputeResolvedEvent>(resolved).ShouldMatch(tradeId, Moderator.Address, 6_000, 59_400_000, 40_000_000, 600_000);
        escrow.SingleEvent<PayoutDeferredEvent>(resolved).ShouldMatch(tradeId, Seller.Address, 40_000_000);
        (await escrow.TokenBalanceAsync(token, Buyer.Address)).ShouldBe(59_400_000);
        (await escrow.TokenBalanceAsync(token, FeeRecipient.Address)).ShouldBe(600_000);
        (await escrow.PendingWithdrawalAsync(Seller.Address, token)).ShouldBe(40_000_000);

        var withdrawn = await escrow.WithdrawAsync(Seller, token, Payee.Address);

        escrow.SingleEvent<WithdrawnEvent>(withdrawn).ShouldMatch(Seller.Address, token, Payee.Address, 40_000_000);
        (await escrow.TokenBalanceAsync(token, Payee.Address)).ShouldBe(40_000_000);
        (await escrow.TokenBalanceAsync(token, escrow.Escrow)).ShouldBe(0);
    }

    [Fact]
    public async Task Blacklisted_fee_recipient_does_not_block_the_buyers_payout()
    {
        var (escrow, token, tradeId) = await PaidBlacklistTokenTradeAsync();
        await BlacklistAsync(escrow, token, FeeRecipient.Address);

        var released = await escrow.ReleaseAsync(tradeId);

        escrow.SingleEvent<TradeCompletedEvent>(released).ShouldMatch(tradeId, 99_000_000, 1_000_000);
        escrow.SingleEvent<PayoutDeferredEvent>(released).ShouldMatch(tradeId, FeeRecipient.Address, 1_000_000);
        (await escrow.TokenBalanceAsync(token, Buyer.Address)).ShouldBe(99_000_000);
        (await escrow.PendingWithdrawalAsync(FeeRecipient.Address, token)).ShouldBe(1_000_000);
        (await escrow.TokenBalanceAsync(token, escrow.Escrow)).ShouldBe(1_000_000);
    }

    private async Task<(EscrowHarness Escrow, string Token, byte[] TradeId)> PaidBlacklistTokenTradeAsync()
    {
        var escrow = await DeployAsync(chain);
        var token = await escrow.DeployAllowedTokenAsync("BlacklistToken");
        var (salt, tradeId) = NewTrade();
        await escrow.CreateTokenTradeAsync(salt, token, Amount);
        await escrow.MarkPaidAsync(tradeId);
        return (escrow, token, tradeId);
    }

    private static async Task BlacklistAsync(EscrowHarness escrow, string token, string account) =>
        await escrow.SendAsync(Admin, new SetBlacklistedFunction { Account = account, Blocked = true }, token);
}
