using System.Numerics;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.TestSupport;
using static EscrowP2P.ContractTests.EscrowHarness;

namespace EscrowP2P.ContractTests;

/// <summary>Every rejected createTrade leaves no trade behind and takes nothing from the seller.</summary>
public class CreateTradeValidationTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    private const ulong MinWindow = 5 * 60;
    private const ulong MaxWindow = 7 * 24 * 60 * 60;

    [Fact]
    public async Task Seller_cannot_reuse_the_salt_of_an_open_trade()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        await escrow.CreateEthTradeAsync(salt, Eth(1));
        var before = await escrow.StateAsync(tradeId);

        var error = await ShouldRevertWith<TradeAlreadyExistsError>(() => escrow.SendAsync(Seller, EthTrade(salt, Eth(2))));

        error.TradeId.ShouldBe(tradeId);
        (await escrow.StateAsync(tradeId)).ShouldBe(before);
        before.Seller.ShouldBe(Seller.Address.ToUpperInvariant());
    }

    [Fact]
    public async Task Seller_cannot_reuse_a_salt_after_the_trade_completed()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        await escrow.CreateEthTradeAsync(salt, Eth(1));
        await escrow.ReleaseAsync(tradeId);
        var before = await escrow.StateAsync(tradeId);

        var error = await ShouldRevertWith<TradeAlreadyExistsError>(() => escrow.CreateEthTradeAsync(salt, Eth(1)));

        error.TradeId.ShouldBe(tradeId);
        (await escrow.StateAsync(tradeId)).ShouldBe(before);
        before.Status.ShouldBe(TradeStatus.Completed);
    }

    [Fact]
    public async Task Seller_cannot_be_their_own_buyer()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();

        var error = await ShouldRejectAsync<InvalidBuyerError>(escrow, tradeId, EthTrade(salt, Eth(1), buyer: Seller.Address));

        error.Buyer.ShouldBeAddress(Seller.Address);
    }

    [Fact]
    public async Task Zero_buyer_is_rejected()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();

        var error = await ShouldRejectAsync<InvalidBuyerError>(escrow, tradeId, EthTrade(salt, Eth(1), buyer: ZeroAddress));

        error.Buyer.ShouldBeAddress(ZeroAddress);
    }

    [Fact]
    public async Task Escrow_itself_cannot_be_the_buyer()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();

        var error = await ShouldRejectAsync<InvalidBuyerError>(escrow, tradeId, EthTrade(salt, Eth(1), buyer: escrow.Escrow));

        error.Buyer.ShouldBeAddress(escrow.Escrow);
    }

    [Fact]
    public async Task Zero_amount_is_rejected()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();

        await ShouldRejectAsync<InvalidAmountError>(escrow, tradeId, EthTrade(salt, 0));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public async Task Eth_trade_must_send_exactly_the_amount_not_a_wei_less_or_more(int weiOff)
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        var value = Eth(1) + weiOff;
        var trade = EthTrade(salt, Eth(1));
        trade.AmountToSend = value;

        var error = await ShouldRejectAsync<IncorrectEthValueError>(escrow, tradeId, trade);

        error.Expected.ShouldBe(Eth(1));
        error.Actual.ShouldBe(value);
    }

    [Fact]
    public async Task Token_trade_cannot_carry_eth()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        await escrow.MintAndApproveAsync(escrow.Stablecoin, Seller, 1_000_000);
        var trade = TokenTrade(salt, escrow.Stablecoin, 1_000_000);
        trade.AmountToSend = 1;

        var error = await ShouldRejectAsync<IncorrectEthValueError>(escrow, tradeId, trade);

        error.Expected.ShouldBe(0);
        error.Actual.ShouldBe(1);
        (await escrow.TokenBalanceAsync(escrow.Stablecoin, Seller.Address)).ShouldBe(1_000_000);
    }

    [Fact]
    public async Task Token_that_is_not_allow_listed_is_rejected()
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();
        var unlisted = await escrow.DeployArtifactAsync("TestStablecoin");
        await escrow.MintAndApproveAsync(unlisted, Seller, 1_000_000);

        var error = await ShouldRejectAsync<TokenNotAllowedError>(escrow, tradeId, TokenTrade(salt, unlisted, 1_000_000));

        error.Token.ShouldBeAddress(unlisted);
        (await escrow.TokenBalanceAsync(unlisted, Seller.Address)).ShouldBe(1_000_000);
        (await escrow.TokenBalanceAsync(unlisted, escrow.Escrow)).ShouldBe(0);
    }

    [Theory]
    [InlineData(MinWindow - 1)]
    [InlineData(MaxWindow + 1)]
    public async Task Payment_window_outside_the_bounds_is_rejected(ulong window)
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();

        var error = await ShouldRejectAsync<PaymentWindowOutOfBoundsError>(escrow, tradeId, EthTrade(salt, Eth(1), window: window));

        error.PaymentWindow.ShouldBe(window);
        error.MinPaymentWindow.ShouldBe(MinWindow);
        error.MaxPaymentWindow.ShouldBe(MaxWindow);
    }

    [Theory]
    [InlineData(MinWindow)]
    [InlineData(MaxWindow)]
    public async Task Payment_window_exactly_on_a_bound_is_accepted(ulong window)
    {
        var escrow = await DeployAsync(chain);
        var (salt, tradeId) = NewTrade();

        var created = await escrow.CreateEthTradeAsync(salt, Eth(1), window: window);

        var expiresAt = await escrow.BlockTimestampAsync(created) + window;
        escrow.SingleEvent<TradeCreatedEvent>(created).ShouldMatch(tradeId, Seller.Address, Buyer.Address, ZeroAddress, Eth(1), FeeBps, expiresAt);
        (await escrow.GetTradeAsync(tradeId)).ExpiresAt.ShouldBe(expiresAt);
    }

    private async Task<TError> ShouldRejectAsync<TError>(EscrowHarness escrow, byte[] tradeId, CreateTradeFunction trade)
        where TError : class, new()
    {
        var sellerBefore = await chain.EthBalanceAsync(Seller.Address);

        var error = await ShouldRevertWith<TError>(() => escrow.SendAsync(Seller, trade));

        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.None);
        (await chain.EthBalanceAsync(escrow.Escrow)).ShouldBe(0);
        (await chain.EthBalanceAsync(Seller.Address)).ShouldBe(sellerBefore);
        return error;
    }

    private static CreateTradeFunction EthTrade(byte[] salt, BigInteger amount, string? buyer = null, ulong window = Window) => new()
    {
        Salt = salt,
        Buyer = buyer ?? Buyer.Address,
        Token = ZeroAddress,
        Amount = amount,
        PaymentWindow = window,
        AmountToSend = amount,
    };

    private static CreateTradeFunction TokenTrade(byte[] salt, string token, BigInteger amount) => new()
    {
        Salt = salt,
        Buyer = Buyer.Address,
        Token = token,
        Amount = amount,
        PaymentWindow = Window,
    };
}
