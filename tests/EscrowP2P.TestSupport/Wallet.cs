using System.Globalization;
using System.Numerics;
using System.Text.Json;
using EscrowP2P.DevChain;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Shouldly;

namespace EscrowP2P.TestSupport;

/// <summary>
/// Plays the user's browser wallet: signs exactly the unsigned transaction the API returned (no field changed, the
/// nonce from the node as a wallet would) and broadcasts it.
/// </summary>
public static class Wallet
{
    public static async Task<TransactionReceipt> SignAndSendAsync(this AnvilFixture chain, DevAccount account, JsonElement unsignedTransaction)
    {
        var web3 = chain.Web3For(account);
        var tx = unsignedTransaction;
        tx.GetProperty("from").GetString().ShouldBe(account.Address);
        var nonce = await web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(account.Address, BlockParameter.CreatePending());
        var input = new TransactionInput
        {
            From = tx.GetProperty("from").GetString(),
            To = tx.GetProperty("to").GetString(),
            Data = tx.GetProperty("data").GetString(),
            Value = Hex(tx, "value"),
            Gas = Hex(tx, "gas"),
            MaxFeePerGas = Hex(tx, "maxFeePerGas"),
            MaxPriorityFeePerGas = Hex(tx, "maxPriorityFeePerGas"),
            ChainId = Hex(tx, "chainId"),
            Type = new HexBigInteger(2),
            Nonce = nonce,
        };
        var signed = await web3.TransactionManager.SignTransactionAsync(input);
        var hash = await web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(signed);
        var receipt = await web3.TransactionReceiptPolling.PollForReceiptAsync(hash);
        receipt.Status.Value.ShouldBe(BigInteger.One, $"{tx.GetProperty("purpose").GetString()} reverted");
        return receipt;
    }

    public static BigInteger GasCost(this TransactionReceipt receipt) => receipt.GasUsed.Value * receipt.EffectiveGasPrice.Value;

    private static HexBigInteger Hex(JsonElement tx, string field)
    {
        var value = tx.GetProperty(field).GetString()!;
        value.ShouldStartWith("0x");
        return new HexBigInteger(BigInteger.Parse("0" + value[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}
