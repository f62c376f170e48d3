using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace EscrowP2P.Chain.Contracts;

// Read-only calls on P2PEscrow.

[Function("getTrade", typeof(GetTradeOutput))]
public sealed class GetTradeFunction : FunctionMessage
{
    [Parameter("bytes32", "tradeId", 1)] public byte[] TradeId { get; set; } = [];
}

[FunctionOutput]
public sealed class GetTradeOutput : IFunctionOutputDTO
{
    [Parameter("tuple", "", 1)] public OnChainTrade Trade { get; set; } = new();
}

/// <summary>The contract's <c>Trade</c> struct.</summary>
public sealed class OnChainTrade : ITradeParties
{
    [Parameter("address", "seller", 1)] public string Seller { get; set; } = "";
    [Parameter("uint8", "status", 2)] public byte StatusValue { get; set; }
    [Parameter("uint16", "feeBps", 3)] public ushort FeeBps { get; set; }
    [Parameter("uint64", "expiresAt", 4)] public ulong ExpiresAt { get; set; }
    [Parameter("address", "buyer", 5)] public string Buyer { get; set; } = "";
    [Parameter("address", "token", 6)] public string Token { get; set; } = "";
    [Parameter("uint256", "amount", 7)] public BigInteger Amount { get; set; }

    public TradeStatus Status => (TradeStatus)StatusValue;
}

[Function("tradeIdOf", "bytes32")]
public sealed class TradeIdOfFunction : FunctionMessage
{
    [Parameter("address", "seller", 1)] public string Seller { get; set; } = "";
    [Parameter("bytes32", "salt", 2)] public byte[] Salt { get; set; } = [];
}

[Function("hasRole", "bool")]
public sealed class HasRoleFunction : FunctionMessage
{
    [Parameter("bytes32", "role", 1)] public byte[] Role { get; set; } = [];
    [Parameter("address", "account", 2)] public string Account { get; set; } = "";
}

[Function("MODERATOR_ROLE", "bytes32")]
public sealed class ModeratorRoleFunction : FunctionMessage;

[Function("DEFAULT_ADMIN_ROLE", "bytes32")]
public sealed class DefaultAdminRoleFunction : FunctionMessage;

[Function("feeBps", "uint16")]
public sealed class FeeBpsFunction : FunctionMessage;

[Function("feeRecipient", "address")]
public sealed class FeeRecipientFunction : FunctionMessage;

[Function("minPaymentWindow", "uint64")]
public sealed class MinPaymentWindowFunction : FunctionMessage;

[Function("maxPaymentWindow", "uint64")]
public sealed class MaxPaymentWindowFunction : FunctionMessage;

[Function("SELLER_CANCEL_GRACE", "uint64")]
public sealed class SellerCancelGraceFunction : FunctionMessage;

[Function("paused", "bool")]
public sealed class PausedFunction : FunctionMessage;

[Function("allowedTokens", "bool")]
public sealed class AllowedTokensFunction : FunctionMessage
{
    [Parameter("address", "token", 1)] public string Token { get; set; } = "";
}

[Function("pendingWithdrawals", "uint256")]
public sealed class PendingWithdrawalsFunction : FunctionMessage
{
    [Parameter("address", "account", 1)] public string Account { get; set; } = "";
    [Parameter("address", "token", 2)] public string Token { get; set; } = "";
}
