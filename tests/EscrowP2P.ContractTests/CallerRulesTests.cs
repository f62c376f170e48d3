using EscrowP2P.Chain.Contracts;
using EscrowP2P.TestSupport;
using static EscrowP2P.ContractTests.EscrowHarness;

namespace EscrowP2P.ContractTests;

/// <summary>Each trade action belongs to one party; anyone else is turned away with their own address in the error.</summary>
public class CallerRulesTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task Seller_cannot_mark_the_trade_paid()
    {
        var (escrow, tradeId) = await FundedTradeAsync();
        var before = await escrow.StateAsync(tradeId);

        var error = await ShouldRevertWith<NotBuyerError>(() => escrow.MarkPaidAsync(tradeId, Seller));

        error.TradeId.ShouldBe(tradeId);
        error.Caller.ShouldBeAddress(Seller.Address);
        (await escrow.StateAsync(tradeId)).ShouldBe(before);
    }

    [Fact]
    public async Task Outsider_cannot_mark_the_trade_paid()
    {
        var (escrow, tradeId) = await FundedTradeAsync();
        var before = await escrow.StateAsync(tradeId);

        var error = await ShouldRevertWith<NotBuyerError>(() => escrow.MarkPaidAsync(tradeId, Outsider));

        error.TradeId.ShouldBe(tradeId);
        error.Caller.ShouldBeAddress(Outsider.Address);
        (await escrow.StateAsync(tradeId)).ShouldBe(before);
    }

    [Fact]
    public async Task Buyer_cannot_release_the_funds_to_themselves()
    {
        var (escrow, tradeId) = await FundedTradeAsync();
        await escrow.MarkPaidAsync(tradeId);
        var before = await escrow.StateAsync(tradeId);

        var error = await ShouldRevertWith<NotSellerError>(() => escrow.ReleaseAsync(tradeId, Buyer));

        error.TradeId.ShouldBe(tradeId);
        error.Caller.ShouldBeAddress(Buyer.Address);
        (await escrow.StateAsync(tradeId)).ShouldBe(before);
    }

    [Fact]
    public async Task Outsider_cannot_release_the_funds()
    {
        var (escrow, tradeId) = await FundedTradeAsync();
        var before = await escrow.StateAsync(tradeId);

        var error = await ShouldRevertWith<NotSellerError>(() => escrow.ReleaseAsync(tradeId, Outsider));

        error.TradeId.ShouldBe(tradeId);
        error.Caller.ShouldBeAddress(Outsider.Address);
        (await escrow.StateAsync(tradeId)).ShouldBe(before);
    }

    [Fact]
    public async Task Outsider_cannot_cancel_even_after_expiry_plus_grace()
    {
        var (escrow, tradeId) = await FundedTradeAsync();
        await chain.IncreaseTimeAsync(Window + 3600);
        var before = await escrow.StateAsync(tradeId);

        var error = await ShouldRevertWith<NotPartyError>(() => escrow.CancelAsync(tradeId, Outsider));

        error.TradeId.ShouldBe(tradeId);
        error.Caller.ShouldBeAddress(Outsider.Address);
        (await escrow.StateAsync(tradeId)).ShouldBe(before);
    }

    [Fact]
    public async Task Outsider_cannot_open_a_dispute()
    {
        var (escrow, tradeId) = await FundedTradeAsync();
        await escrow.MarkPaidAsync(tradeId);
        var before = await escrow.StateAsync(tradeId);

        var error = await ShouldRevertWith<NotPartyError>(() => escrow.OpenDisputeAsync(tradeId, Outsider));

        error.TradeId.ShouldBe(tradeId);
        error.Caller.ShouldBeAddress(Outsider.Address);
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
