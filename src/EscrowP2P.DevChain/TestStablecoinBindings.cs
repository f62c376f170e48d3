using System.Numerics;
using EscrowP2P.Chain.Contracts;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace EscrowP2P.DevChain;

// Typed messages of contracts/src/dev/TestStablecoin.sol, the faucet token of development chains.

public sealed class TestStablecoinDeployment : ContractDeploymentMessage
{
    public TestStablecoinDeployment() : base(ContractArtifacts.Bytecode("TestStablecoin")) { }
}

[Function("mint")]
public sealed class MintFunction : FunctionMessage
{
    [Parameter("address", "to", 1)] public string To { get; set; } = "";
    [Parameter("uint256", "amount", 2)] public BigInteger Amount { get; set; }
}
