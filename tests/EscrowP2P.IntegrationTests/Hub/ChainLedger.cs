using EscrowP2P.Chain;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Events;
using EscrowP2P.Core.Persistence;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.IntegrationTests.Hub;

/// <summary>Compares what the app stored with the chain's own logs, and trades the chain directly while the app is down.</summary>
public static class ChainLedger
{
    /// <summary>(transaction, log index, event) of every escrow trade event on the canonical chain.</summary>
    public static async Task<List<(string Tx, int LogIndex, string Name)>> OnChainAsync(EscrowApiFixture app)
    {
        var logs = await app.Reader.Eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
        {
            Address = [app.Deployment.EscrowAddress],
            FromBlock = new BlockParameter(new HexBigInteger(0)),
            ToBlock = BlockParameter.CreateLatest(),
        });
        return logs.Select(EscrowEventDecoder.Decode).OfType<DecodedTradeEvent>()
            .Select(e => (e.TransactionHash, e.LogIndex, e.Name)).Order().ToList();
    }

    public static async Task<List<(string Tx, int LogIndex, string Name)>> StoredAsync(EscrowApiFixture app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<EscrowDbContext>().TradeEvents.Where(e => !e.Removed).ToListAsync();
        return events.Select(e => (e.TransactionHash, e.LogIndex, e.Name)).Order().ToList();
    }

    /// <summary>The seller funds an ETH trade by calling the contract directly (no API involved); returns its trade id.</summary>
    public static async Task<byte[]> CreateEthTradeDirectlyAsync(EscrowApiFixture app, DevAccount seller, DevAccount buyer)
    {
        var salt = TradeIdDerivation.NewSalt();
        await app.Web3For(seller).Eth.GetContractTransactionHandler<CreateTradeFunction>()
            .SendRequestAndWaitForReceiptAsync(app.Deployment.EscrowAddress, new CreateTradeFunction
            {
                Salt = salt,
                Buyer = buyer.Address,
                Token = "0x0000000000000000000000000000000000000000",
                Amount = 1_000_000,
                PaymentWindow = 1800,
                AmountToSend = 1_000_000,
            }).EnsureSucceeded();
        return TradeIdDerivation.Derive(seller.Address, salt);
    }
}
