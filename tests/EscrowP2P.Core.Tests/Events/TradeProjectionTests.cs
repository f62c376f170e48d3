using System.Globalization;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Core.Tests.Support;
using EscrowP2P.Core.Trades;
using Nethereum.ABI.FunctionEncoding.Attributes;
using static EscrowP2P.Core.Tests.Support.EscrowEvents;

namespace EscrowP2P.Core.Tests.Events;

/// <summary>The trade state that follows from the escrow's events, driven as in production: logs ingested by the ingestor.</summary>
public sealed class TradeProjectionTests : IDisposable
{
    private readonly ScriptedIngestion _ingestion = new(confirmationDepth: 1);

    [Theory]
    [InlineData("TradeCreated", TradeStatus.Funded)]
    [InlineData("TradeCreated TradePaid", TradeStatus.Paid)]
    [InlineData("TradeCreated TradeCompleted", TradeStatus.Completed)]
    [InlineData("TradeCreated TradePaid TradeCompleted", TradeStatus.Completed)]
    [InlineData("TradeCreated TradeCancelled", TradeStatus.Cancelled)]
    [InlineData("TradeCreated TradePaid TradeCancelled", TradeStatus.Cancelled)]
    [InlineData("TradeCreated TradePaid DisputeOpened", TradeStatus.Disputed)]
    [InlineData("TradeCreated TradePaid DisputeOpened DisputeResolved", TradeStatus.Resolved)]
    [InlineData("TradeCreated TradePaid TradeCompleted PayoutDeferred", TradeStatus.Completed)]
    public async Task A_trades_status_follows_its_events_in_chain_order(string history, TradeStatus expected)
    {
        var id = NewTradeId();
        foreach (var name in history.Split(' ')) _ingestion.Chain.Mine(Event(name, id));

        await _ingestion.CatchUpAsync();

        _ingestion.Trade(id)!.Status.ShouldBe(expected);
        _ingestion.EventsOf(id).Select(e => e.Name).ShouldBe(history.Split(' '));
    }

    [Fact]
    public async Task Several_events_of_one_trade_in_one_block_apply_in_log_order()
    {
        var id = NewTradeId();
        _ingestion.Chain.Mine(Created(id), Paid(id), DisputeOpened(id));

        await _ingestion.CatchUpAsync();

        _ingestion.Trade(id)!.Status.ShouldBe(TradeStatus.Disputed);
    }

    [Fact]
    public async Task TradeCreated_sets_the_parties_token_amount_fee_expiry_and_block()
    {
        var id = NewTradeId();
        _ingestion.Chain.MineEmpty(2);
        var block = _ingestion.Chain.Mine(Created(id, buyer: Buyer.ToLowerInvariant()));

        await _ingestion.CatchUpAsync();

        var trade = _ingestion.Trade(id)!;
        trade.Seller.ShouldBe(Seller);
        trade.Buyer.ShouldBe(Buyer, "addresses are stored EIP-55 checksummed");
        trade.Token.ShouldBe(Eth);
        trade.Amount.ShouldBe(Amount.ToString(CultureInfo.InvariantCulture));
        trade.FeeBps.ShouldBe(FeeBps);
        trade.ExpiresAt.ShouldBe((long)ExpiresAt);
        trade.CreatedBlock.ShouldBe(block.Number);
        trade.PreparedAt.ShouldBeNull("it was first seen on-chain");
    }

    [Theory]
    [InlineData("nothing")]
    [InlineData("the case of the addresses")]
    public async Task A_prepared_trade_keeps_its_terms_when_the_chain_agrees(string differs)
    {
        var id = NewTradeId();
        var lowercase = differs == "the case of the addresses";
        _ingestion.Prepare(Prepared(id, lowercase ? Seller.ToLowerInvariant() : Seller, lowercase ? Buyer.ToLowerInvariant() : Buyer));
        _ingestion.Chain.Mine(Created(id));

        await _ingestion.CatchUpAsync();

        var trade = _ingestion.Trade(id)!;
        trade.Status.ShouldBe(TradeStatus.Funded);
        trade.FiatAmount.ShouldBe("100.00");
        trade.PaymentMethod.ShouldBe("SEPA");
        trade.PreparedAt.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("seller")]
    [InlineData("buyer")]
    [InlineData("token")]
    [InlineData("amount")]
    public async Task A_prepared_trade_loses_its_terms_when_the_chain_created_another_trade(string differs)
    {
        var id = NewTradeId();
        const string other = "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f";
        _ingestion.Prepare(Prepared(id, Seller, Buyer));
        _ingestion.Chain.Mine(Created(id,
            seller: differs == "seller" ? other : Seller,
            buyer: differs == "buyer" ? other : Buyer,
            token: differs == "token" ? other : Eth,
            amount: differs == "amount" ? Amount + 1 : Amount));

        await _ingestion.CatchUpAsync();

        var trade = _ingestion.Trade(id)!;
        trade.Status.ShouldBe(TradeStatus.Funded);
        trade.OfferId.ShouldBeNull();
        trade.FiatAmount.ShouldBeNull();
        trade.FiatCurrency.ShouldBeNull();
        trade.PaymentMethod.ShouldBeNull();
        trade.PreparedAt.ShouldBeNull();
        trade.Seller.ShouldBe(differs == "seller" ? other : Seller, "the on-chain facts win");
    }

    [Fact]
    public async Task Events_of_a_trade_whose_creation_was_never_seen_are_skipped()
    {
        var id = NewTradeId();
        _ingestion.Chain.Mine(Paid(id));
        _ingestion.Chain.Mine(DisputeOpened(id));

        await _ingestion.CatchUpAsync();

        _ingestion.Trade(id).ShouldBeNull();
        _ingestion.EventsOf(id).ShouldBeEmpty();
    }

    public void Dispose() => _ingestion.Dispose();

    private static IEventDTO Event(string name, byte[] id) => name switch
    {
        "TradeCreated" => Created(id),
        "TradePaid" => Paid(id),
        "TradeCompleted" => Completed(id),
        "TradeCancelled" => Cancelled(id),
        "DisputeOpened" => DisputeOpened(id),
        "DisputeResolved" => DisputeResolved(id),
        "PayoutDeferred" => PayoutDeferred(id),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static Trade Prepared(byte[] id, string seller, string buyer) => new()
    {
        TradeId = TradeId.FromBytes(id),
        Seller = seller,
        Buyer = buyer,
        Token = Eth,
        Amount = Amount.ToString(CultureInfo.InvariantCulture),
        PaymentWindowSeconds = 1800,
        OfferId = Guid.NewGuid(),
        FiatAmount = "100.00",
        FiatCurrency = "EUR",
        PaymentMethod = "SEPA",
        PreparedAt = DateTimeOffset.UtcNow,
    };
}
