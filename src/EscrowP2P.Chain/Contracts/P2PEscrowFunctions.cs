using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace EscrowP2P.Chain.Contracts;

// Typed messages for P2PEscrow's trade lifecycle. ContractBindingTests proves every signature matches the compiled ABI.

/// <summary>The trade's id is <see cref="TradeIdDerivation.Derive"/>(sender, <see cref="Salt"/>), so nobody else can take it.</summary>
[Function("createTrade")]
public sealed class CreateTradeFunction : FunctionMessage
{
    [Parameter("bytes32", "salt", 1)] public byte[] Salt { get; set; } = [];
    [Parameter("address", "buyer", 2)] public string Buyer { get; set; } = "";
    [Parameter("address", "token", 3)] public string Token { get; set; } = "";
    [Parameter("uint256", "amount", 4)] public BigInteger Amount { get; set; }
    [Parameter("uint64", "paymentWindow", 5)] public ulong PaymentWindow { get; set; }
}

[Function("markPaid")]
public sealed class MarkPaidFunction : FunctionMessage
{
    [Parameter("bytes32", "tradeId", 1)] public byte[] TradeId { get; set; } = [];
}

[Function("release")]
public sealed class ReleaseFunction : FunctionMessage
{
    [Parameter("bytes32", "tradeId", 1)] public byte[] TradeId { get; set; } = [];
}

[Function("cancel")]
public sealed class CancelFunction : FunctionMessage
{
    [Parameter("bytes32", "tradeId", 1)] public byte[] TradeId { get; set; } = [];
}

[Function("openDispute")]
public sealed class OpenDisputeFunction : FunctionMessage
{
    [Parameter("bytes32", "tradeId", 1)] public byte[] TradeId { get; set; } = [];
}

[Function("resolveDispute")]
public sealed class ResolveDisputeFunction : FunctionMessage
{
    [Parameter("bytes32", "tradeId", 1)] public byte[] TradeId { get; set; } = [];
    [Parameter("uint16", "buyerBps", 2)] public ushort BuyerBps { get; set; }
}

[Function("withdraw")]
public sealed class WithdrawFunction : FunctionMessage
{
    [Parameter("address", "token", 1)] public string Token { get; set; } = "";
    [Parameter("address", "to", 2)] public string To { get; set; } = "";
}
