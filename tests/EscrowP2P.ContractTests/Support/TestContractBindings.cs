using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace EscrowP2P.ContractTests;

// Typed calls on the test-only contracts in contracts/src/test. TestContractBindingTests checks them against the ABIs.

[Function("setBlacklisted")]
public sealed class SetBlacklistedFunction : FunctionMessage
{
    [Parameter("address", "account", 1)] public string Account { get; set; } = "";
    [Parameter("bool", "blocked", 2)] public bool Blocked { get; set; }
}

[Function("setFailTransfers")]
public sealed class SetFailTransfersFunction : FunctionMessage
{
    [Parameter("bool", "fail", 1)] public bool Fail { get; set; }
}

[Function("arm")]
public sealed class ArmTokenReentryFunction : FunctionMessage
{
    [Parameter("address", "target_", 1)] public string Target { get; set; } = "";
    [Parameter("bytes", "callData_", 2)] public byte[] CallData { get; set; } = [];
}

[Function("attempted", "bool")]
public sealed class TokenReentryAttemptedFunction : FunctionMessage;

[Function("reentryRevertData", "bytes")]
public sealed class TokenReentryRevertDataFunction : FunctionMessage;

/// <summary>Exists on both ReentrantToken and PartyContract.</summary>
[Function("reentrySucceeded", "bool")]
public sealed class ReentrySucceededFunction : FunctionMessage;

[Function("execute", "bytes")]
public sealed class ExecuteFunction : FunctionMessage
{
    [Parameter("address", "target", 1)] public string Target { get; set; } = "";
    [Parameter("uint256", "value", 2)] public BigInteger Value { get; set; }
    [Parameter("bytes", "data", 3)] public byte[] Data { get; set; } = [];
}

[Function("armReentry")]
public sealed class ArmPartyReentryFunction : FunctionMessage
{
    [Parameter("address", "target", 1)] public string Target { get; set; } = "";
    [Parameter("bytes", "callData", 2)] public byte[] CallData { get; set; } = [];
}

[Function("setRejectEth")]
public sealed class SetRejectEthFunction : FunctionMessage
{
    [Parameter("bool", "reject", 1)] public bool Reject { get; set; }
}

[Function("reentryAttempted", "bool")]
public sealed class PartyReentryAttemptedFunction : FunctionMessage;
