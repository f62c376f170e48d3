using System.Numerics;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.DevChain;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.ContractTests;

/// <summary>Balances, roles, clock control, hostile tokens and contract-wallet parties.</summary>
public sealed partial class EscrowHarness
{
    public Task<BigInteger> EthBalanceAsync(string address) => Chain.EthBalanceAsync(address);

    public Task<BigInteger> TokenBalanceAsync(string token, string owner) => Chain.TokenBalanceAsync(token, owner);

    /// <summary>The escrow's holding of <paramref name="token"/> (ETH for the zero address).</summary>
    public Task<BigInteger> EscrowHoldingAsync(string token) =>
        token == ZeroAddress ? EthBalanceAsync(Escrow) : TokenBalanceAsync(token, Escrow);

    /// <summary>Everything a rejected call must leave untouched: the trade and the escrow's holding.</summary>
    public async Task<EscrowState> StateAsync(byte[] tradeId)
    {
        var trade = await GetTradeAsync(tradeId);
        var token = trade.Status == TradeStatus.None ? ZeroAddress : trade.Token;
        return new EscrowState(trade.Status, trade.Seller.ToUpperInvariant(), trade.Buyer.ToUpperInvariant(), trade.Amount,
            trade.FeeBps, trade.ExpiresAt, await EscrowHoldingAsync(token));
    }

    public Task<TransactionReceipt> WithdrawAsync(DevAccount from, string token, string to) =>
        SendAsync(from, new WithdrawFunction { Token = token, To = to });

    public Task<byte[]> ModeratorRoleAsync() => QueryAsync<ModeratorRoleFunction, byte[]>(new ModeratorRoleFunction());

    public async Task<TransactionReceipt> GrantModeratorAsync(string account) =>
        await SendAsync(Admin, new GrantRoleFunction { Role = await ModeratorRoleAsync(), Account = account });

    /// <summary>The next mined block, and every simulation before it, runs at exactly this time.</summary>
    public Task SetNextBlockTimestampAsync(ulong timestamp) =>
        Chain.Reader.Client.SendRequestAsync<object>("evm_setNextBlockTimestamp", null, new HexBigInteger(timestamp));

    /// <summary>Deploys a test-only token (hostile or blacklisting) and allow-lists it.</summary>
    public async Task<string> DeployAllowedTokenAsync(string contractName)
    {
        var token = await DeployArtifactAsync(contractName);
        await AllowTokenAsync(token);
        return token;
    }

    /// <summary>A PartyContract wallet owned by <see cref="WalletOwner"/>.</summary>
    public Task<string> DeployPartyContractAsync(bool rejectEth) =>
        DeployArtifactAsync("PartyContract", WalletOwner, rejectEth);

    /// <summary>The wallet owner makes <paramref name="party"/> call the escrow.</summary>
    public Task<TransactionReceipt> ExecuteAsync<TFunction>(string party, TFunction call, BigInteger? value = null)
        where TFunction : FunctionMessage, new() =>
        SendAsync(WalletOwner, new ExecuteFunction
        {
            Target = Escrow,
            Value = value ?? 0,
            Data = call.GetCallData(),
            AmountToSend = value ?? 0,
        }, party);

    /// <summary>Makes a ReentrantToken call the escrow with <paramref name="call"/> on its next transfer.</summary>
    public Task<TransactionReceipt> ArmTokenReentryAsync<TFunction>(string token, TFunction call)
        where TFunction : FunctionMessage, new() =>
        SendAsync(Admin, new ArmTokenReentryFunction { Target = Escrow, CallData = call.GetCallData() }, token);

    /// <summary>Makes a PartyContract call the escrow with <paramref name="call"/> when it next receives ETH.</summary>
    public Task<TransactionReceipt> ArmWalletReentryAsync<TFunction>(string wallet, TFunction call)
        where TFunction : FunctionMessage, new() =>
        SendAsync(WalletOwner, new ArmPartyReentryFunction { Target = Escrow, CallData = call.GetCallData() }, wallet);

    public async Task<string> TokenReentryRevertDataAsync(string token) =>
        (await QueryAsync<TokenReentryRevertDataFunction, byte[]>(new TokenReentryRevertDataFunction(), token)).ToHex(true);

    public Task<bool> ReentrySucceededAsync(string contract) =>
        QueryAsync<ReentrySucceededFunction, bool>(new ReentrySucceededFunction(), contract);

    public async Task<ulong> BlockTimestampAsync(TransactionReceipt receipt)
    {
        var block = await Chain.Reader.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new BlockParameter(receipt.BlockNumber));
        return (ulong)block.Timestamp.Value;
    }

    /// <summary>The events of this type in the receipt that this escrow emitted.</summary>
    public List<TEvent> EventsOf<TEvent>(TransactionReceipt receipt) where TEvent : IEventDTO, new() =>
        receipt.DecodeAllEvents<TEvent>()
            .Where(e => string.Equals(e.Log.Address, Escrow, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Event)
            .ToList();

    public TEvent SingleEvent<TEvent>(TransactionReceipt receipt) where TEvent : IEventDTO, new() =>
        EventsOf<TEvent>(receipt).ShouldHaveSingleItem();

    public static string Selector<TError>() where TError : class =>
        "0x" + ABITypedRegistry.GetError<TError>().Sha3Signature;
}

public sealed record EscrowState(
    TradeStatus Status, string Seller, string Buyer, BigInteger Amount, ushort FeeBps, ulong ExpiresAt, BigInteger EscrowHolding);
