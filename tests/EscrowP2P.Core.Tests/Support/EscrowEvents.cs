using System.Numerics;
using System.Security.Cryptography;
using EscrowP2P.Chain.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace EscrowP2P.Core.Tests.Support;

/// <summary>The escrow's events as the contract emits them, with the parties and amounts of a typical trade filled in.</summary>
public static class EscrowEvents
{
    public const string Seller = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
    public const string Buyer = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
    public const string Moderator = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    public const string Eth = "0x0000000000000000000000000000000000000000";
    public const long Amount = 1_000_000;
    public const ushort FeeBps = 100;
    public const ulong ExpiresAt = 1_700_001_800;

    public static byte[] NewTradeId() => RandomNumberGenerator.GetBytes(32);

    /// <summary>The trade id as the store keeps it: 0x + 64 lowercase hex digits.</summary>
    public static string Hex(byte[] tradeId) => tradeId.ToHex(prefix: true);

    public static TradeCreatedEvent Created(byte[] tradeId, string seller = Seller, string buyer = Buyer, string token = Eth, long amount = Amount) => new()
    {
        TradeId = tradeId,
        Seller = seller,
        Buyer = buyer,
        Token = token,
        Amount = amount,
        FeeBps = FeeBps,
        ExpiresAt = ExpiresAt,
    };

    public static TradePaidEvent Paid(byte[] tradeId) => new() { TradeId = tradeId };

    public static TradeCompletedEvent Completed(byte[] tradeId) =>
        new() { TradeId = tradeId, BuyerAmount = Amount - Amount * FeeBps / 10_000, Fee = Amount * FeeBps / 10_000 };

    public static TradeCancelledEvent Cancelled(byte[] tradeId, string by = Buyer) => new() { TradeId = tradeId, By = by };

    public static DisputeOpenedEvent DisputeOpened(byte[] tradeId, string by = Buyer) => new() { TradeId = tradeId, By = by };

    /// <summary>Everything to the seller: no fee is taken.</summary>
    public static DisputeResolvedEvent DisputeResolved(byte[] tradeId) =>
        new() { TradeId = tradeId, Moderator = Moderator, BuyerBps = 0, BuyerAmount = 0, SellerAmount = Amount, Fee = 0 };

    public static PayoutDeferredEvent PayoutDeferred(byte[] tradeId, string to = Buyer) =>
        new() { TradeId = tradeId, To = to, Amount = new BigInteger(Amount) };

    public static RoleGrantedEvent ModeratorRoleGranted(string account) =>
        new() { Role = EscrowRoles.Moderator.HexToByteArray(), Account = account, Sender = Seller };

    public static RoleRevokedEvent ModeratorRoleRevoked(string account) =>
        new() { Role = EscrowRoles.Moderator.HexToByteArray(), Account = account, Sender = Seller };
}
