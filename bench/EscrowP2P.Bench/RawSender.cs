using System.Numerics;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.Bench;

/// <summary>Sends createTrade transactions straight to the node with locally managed nonces (no API involved).</summary>
public sealed class RawSender(EscrowApiFixture app, DevAccount seller)
{
    private BigInteger? _nonce;

    /// <summary>Signs and broadcasts one createTrade; returns its trade id once the node accepted it (automine: mined).</summary>
    public async Task<string> CreateTradeAsync(DevAccount buyer)
    {
        var web3 = app.Web3For(seller);
        _nonce ??= (await web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(seller.Address, BlockParameter.CreatePending())).Value;
        var salt = TradeIdDerivation.NewSalt();
        var call = new CreateTradeFunction
        {
            Salt = salt,
            Buyer = buyer.Address,
            Token = "0x0000000000000000000000000000000000000000",
            Amount = 1_000,
            PaymentWindow = 1800,
        };
        var signed = await web3.TransactionManager.SignTransactionAsync(new TransactionInput
        {
            From = seller.Address,
            To = app.Deployment.EscrowAddress,
            Data = call.GetCallData().ToHex(prefix: true),
            Value = new HexBigInteger(1_000),
            Gas = new HexBigInteger(250_000),
            MaxFeePerGas = new HexBigInteger(Nethereum.Web3.Web3.Convert.ToWei(50, Nethereum.Util.UnitConversion.EthUnit.Gwei)),
            MaxPriorityFeePerGas = new HexBigInteger(1_000_000_000),
            Nonce = new HexBigInteger(_nonce.Value),
            ChainId = new HexBigInteger(app.Node.ChainId),
            Type = new HexBigInteger(2),
        });
        await web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(signed);
        _nonce++;
        return TradeIdDerivation.Derive(seller.Address, salt).ToHex(prefix: true);
    }
}
