namespace EscrowP2P.Chain.Transactions;

/// <summary>
/// A transaction for the user's wallet to sign, shaped for EIP-1193 <c>eth_sendTransaction</c> (viem, ethers,
/// wagmi): addresses EIP-55 checksummed, quantities as 0x-hex.
/// </summary>
public sealed record UnsignedTransaction(
    string Purpose,
    string From,
    string To,
    string Data,
    string Value,
    string ChainId,
    string Gas,
    string MaxFeePerGas,
    string MaxPriorityFeePerGas);
