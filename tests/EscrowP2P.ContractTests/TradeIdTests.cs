using EscrowP2P.Chain.Contracts;
using EscrowP2P.TestSupport;
using static EscrowP2P.ContractTests.EscrowHarness;

namespace EscrowP2P.ContractTests;

/// <summary>
/// A trade id is bound to its seller (keccak256 of the seller and a salt): whoever copies a seller's pending createTrade
/// opens a trade of their own and can neither take the seller's id nor block it.
/// </summary>
public class TradeIdTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task TradeCreated_carries_tradeIdOf_the_seller_and_salt()
    {
        var escrow = await DeployAsync(chain);
        var salt = NewSalt();

        var created = await escrow.CreateEthTradeAsync(salt, Eth(1));

        var tradeId = await escrow.TradeIdOfAsync(Seller.Address, salt);
        escrow.SingleEvent<TradeCreatedEvent>(created).ShouldMatch(tradeId, Seller.Address, Buyer.Address, ZeroAddress, Eth(1),
            FeeBps, await escrow.BlockTimestampAsync(created) + Window);
        (await escrow.GetTradeAsync(tradeId)).Status.ShouldBe(TradeStatus.Funded);
    }

    [Fact]
    public async Task The_backends_trade_id_derivation_equals_tradeIdOf()
    {
        var escrow = await DeployAsync(chain);
        var salts = new[] { new byte[32], Enumerable.Repeat((byte)0xff, 32).ToArray(), NewSalt(), NewSalt() };

        foreach (var seller in new[] { Seller.Address, Outsider.Address.ToLowerInvariant(), ZeroAddress })
        {
            foreach (var salt in salts)
            {
                TradeIdDerivation.Derive(seller, salt).ShouldBe(await escrow.TradeIdOfAsync(seller, salt), $"seller {seller}");
            }
        }
    }

    [Fact]
    public async Task Another_sender_using_the_same_salt_gets_another_trade_and_the_seller_still_gets_theirs()
    {
        var escrow = await DeployAsync(chain);
        var (salt, sellersTradeId) = NewTrade();

        var copied = await escrow.CreateEthTradeAsync(salt, 1, seller: Outsider, buyer: Payee.Address);
        var created = await escrow.CreateEthTradeAsync(salt, Eth(1));

        var copiedTrade = escrow.SingleEvent<TradeCreatedEvent>(copied);
        copiedTrade.TradeId.ShouldBe(await escrow.TradeIdOfAsync(Outsider.Address, salt));
        copiedTrade.TradeId.ShouldNotBe(sellersTradeId);
        copiedTrade.Seller.ShouldBeAddress(Outsider.Address);
        escrow.SingleEvent<TradeCreatedEvent>(created).ShouldMatch(sellersTradeId, Seller.Address, Buyer.Address, ZeroAddress, Eth(1),
            FeeBps, await escrow.BlockTimestampAsync(created) + Window);
        var sellersTrade = await escrow.GetTradeAsync(sellersTradeId);
        sellersTrade.Seller.ShouldBeAddress(Seller.Address);
        sellersTrade.Amount.ShouldBe(Eth(1));
        (await escrow.GetTradeAsync(copiedTrade.TradeId)).Amount.ShouldBe(1);
    }
}
