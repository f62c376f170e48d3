using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace EscrowP2P.Chain.Contracts;

public sealed class P2PEscrowDeployment : ContractDeploymentMessage
{
    public P2PEscrowDeployment() : base(ContractArtifacts.Bytecode("P2PEscrow")) { }

    [Parameter("address", "admin", 1)] public string Admin { get; set; } = "";
    [Parameter("address", "feeRecipient_", 2)] public string FeeRecipient { get; set; } = "";
    [Parameter("uint16", "feeBps_", 3)] public ushort FeeBps { get; set; }
    [Parameter("uint64", "minPaymentWindow_", 4)] public ulong MinPaymentWindow { get; set; }
    [Parameter("uint64", "maxPaymentWindow_", 5)] public ulong MaxPaymentWindow { get; set; }
}
