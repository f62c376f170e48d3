using System.Numerics;

namespace EscrowP2P.Chain.Transactions;

/// <summary>EIP-1559 fees per gas, in wei.</summary>
public sealed record Fees(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas);
