using System.Numerics;
using EscrowP2P.Chain.Contracts;

namespace EscrowP2P.ContractTests;

/// <summary>Checks every argument of an escrow event, so no field can silently go wrong.</summary>
public static class EventAssertions
{
    public static void ShouldBeAddress(this string actual, string expected) =>
        actual.ShouldBe(expected, StringCompareShould.IgnoreCase);

    public static void ShouldMatch(this TradeCreatedEvent e, byte[] tradeId, string seller, string buyer, string token,
        BigInteger amount, ushort feeBps, ulong expiresAt)
    {
        e.TradeId.ShouldBe(tradeId);
        e.Seller.ShouldBeAddress(seller);
        e.Buyer.ShouldBeAddress(buyer);
        e.Token.ShouldBeAddress(token);
        e.Amount.ShouldBe(amount);
        e.FeeBps.ShouldBe(feeBps);
        e.ExpiresAt.ShouldBe(expiresAt);
    }

    public static void ShouldMatch(this TradePaidEvent e, byte[] tradeId) => e.TradeId.ShouldBe(tradeId);

    public static void ShouldMatch(this TradeCompletedEvent e, byte[] tradeId, BigInteger buyerAmount, BigInteger fee)
    {
        e.TradeId.ShouldBe(tradeId);
        e.BuyerAmount.ShouldBe(buyerAmount);
        e.Fee.ShouldBe(fee);
    }

    public static void ShouldMatch(this TradeCancelledEvent e, byte[] tradeId, string by)
    {
        e.TradeId.ShouldBe(tradeId);
        e.By.ShouldBeAddress(by);
    }

    public static void ShouldMatch(this DisputeOpenedEvent e, byte[] tradeId, string by)
    {
        e.TradeId.ShouldBe(tradeId);
        e.By.ShouldBeAddress(by);
    }

    public static void ShouldMatch(this DisputeResolvedEvent e, byte[] tradeId, string moderator, ushort buyerBps,
        BigInteger buyerAmount, BigInteger sellerAmount, BigInteger fee)
    {
        e.TradeId.ShouldBe(tradeId);
        e.Moderator.ShouldBeAddress(moderator);
        e.BuyerBps.ShouldBe(buyerBps);
        e.BuyerAmount.ShouldBe(buyerAmount);
        e.SellerAmount.ShouldBe(sellerAmount);
        e.Fee.ShouldBe(fee);
    }

    public static void ShouldMatch(this PayoutDeferredEvent e, byte[] tradeId, string to, BigInteger amount)
    {
        e.TradeId.ShouldBe(tradeId);
        e.To.ShouldBeAddress(to);
        e.Amount.ShouldBe(amount);
    }

    public static void ShouldMatch(this WithdrawnEvent e, string account, string token, string to, BigInteger amount)
    {
        e.Account.ShouldBeAddress(account);
        e.Token.ShouldBeAddress(token);
        e.To.ShouldBeAddress(to);
        e.Amount.ShouldBe(amount);
    }
}
