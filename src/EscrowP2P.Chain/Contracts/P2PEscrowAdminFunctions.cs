using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace EscrowP2P.Chain.Contracts;

// Administration: fee, token allow-list, payment-window bounds, pause and roles. None of these can move escrowed funds.

[Function("setFee")]
public sealed class SetFeeFunction : FunctionMessage
{
    [Parameter("uint16", "feeBps_", 1)] public ushort FeeBps { get; set; }
    [Parameter("address", "feeRecipient_", 2)] public string FeeRecipient { get; set; } = "";
}

[Function("setTokenAllowed")]
public sealed class SetTokenAllowedFunction : FunctionMessage
{
    [Parameter("address", "token", 1)] public string Token { get; set; } = "";
    [Parameter("bool", "allowed", 2)] public bool Allowed { get; set; }
}

[Function("setPaymentWindowBounds")]
public sealed class SetPaymentWindowBoundsFunction : FunctionMessage
{
    [Parameter("uint64", "minPaymentWindow_", 1)] public ulong MinPaymentWindow { get; set; }
    [Parameter("uint64", "maxPaymentWindow_", 2)] public ulong MaxPaymentWindow { get; set; }
}

[Function("pause")]
public sealed class PauseFunction : FunctionMessage;

[Function("unpause")]
public sealed class UnpauseFunction : FunctionMessage;

[Function("grantRole")]
public sealed class GrantRoleFunction : FunctionMessage
{
    [Parameter("bytes32", "role", 1)] public byte[] Role { get; set; } = [];
    [Parameter("address", "account", 2)] public string Account { get; set; } = "";
}

[Function("revokeRole")]
public sealed class RevokeRoleFunction : FunctionMessage
{
    [Parameter("bytes32", "role", 1)] public byte[] Role { get; set; } = [];
    [Parameter("address", "account", 2)] public string Account { get; set; } = "";
}
