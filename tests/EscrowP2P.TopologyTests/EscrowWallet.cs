using System.Numerics;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;
using Nethereum.Contracts;

namespace EscrowP2P.TopologyTests;

/// <summary>Traders' wallets calling the escrow directly, without asking the API: the chain keeps moving whichever instance is up.</summary>
public static class EscrowWallet
{
    public const string Eth = "0x0000000000000000000000000000000000000000";

    /// <summary>Opens an ETH trade from <paramref name="seller"/> to <paramref name="buyer"/>; returns its id.</summary>
    public static async Task<TradeId> CreateEthTradeAsync(this TwoInstanceTopology chain, DevAccount seller, DevAccount buyer, BigInteger amount)
    {
        var salt = TradeIdDerivation.NewSalt();
        await chain.SendAsync(seller, new CreateTradeFunction
        {
            Salt = salt,
            Buyer = buyer.Address,
            Token = Eth,
            Amount = amount,
            PaymentWindow = 1800,
            AmountToSend = amount,
        });
        return TradeId.Of(seller.Address, salt);
    }

    public static Task MarkPaidAsync(this TwoInstanceTopology chain, DevAccount buyer, TradeId tradeId) =>
        chain.SendAsync(buyer, new MarkPaidFunction { TradeId = tradeId.ToBytes() });

    public static Task OpenDisputeAsync(this TwoInstanceTopology chain, DevAccount party, TradeId tradeId) =>
        chain.SendAsync(party, new OpenDisputeFunction { TradeId = tradeId.ToBytes() });

    private static async Task SendAsync<TFunction>(this TwoInstanceTopology chain, DevAccount account, TFunction function)
        where TFunction : FunctionMessage, new()
    {
        var receipt = await chain.Web3For(account).Eth.GetContractTransactionHandler<TFunction>()
            .SendRequestAndWaitForReceiptAsync(chain.Deployment.EscrowAddress, function);
        receipt.Status.Value.ShouldBe(BigInteger.One, typeof(TFunction).Name);
    }
}
