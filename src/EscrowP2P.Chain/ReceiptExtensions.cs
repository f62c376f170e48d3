using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.Chain;

public static class ReceiptExtensions
{
    /// <summary>Awaits a receipt and fails loudly when the transaction reverted.</summary>
    public static async Task<TransactionReceipt> EnsureSucceeded(this Task<TransactionReceipt> pending)
    {
        var receipt = await pending;
        return receipt.Succeeded()
            ? receipt
            : throw new InvalidOperationException($"transaction {receipt.TransactionHash} reverted in block {receipt.BlockNumber}");
    }
}
