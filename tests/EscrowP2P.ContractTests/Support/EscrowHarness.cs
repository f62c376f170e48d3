using System.Numerics;
using EscrowP2P.Chain;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace EscrowP2P.ContractTests;

/// <summary>
/// A fresh escrow and stablecoin deployed for one test on the class's anvil, with typed helpers for every
/// contract call. Fresh deployments keep tests apart while they share one node.
/// </summary>
public sealed partial class EscrowHarness
{
    public const ushort FeeBps = 100;
    public const ulong Window = 30 * 60;

    private EscrowHarness(AnvilFixture chain, DevDeployment deployment)
    {
        Chain = chain;
        Escrow = deployment.EscrowAddress;
        Stablecoin = deployment.StablecoinAddress;
    }

    public AnvilFixture Chain { get; }
    public string Escrow { get; }
    public string Stablecoin { get; }

    public static DevAccount Admin => DevAccounts.Admin;
    public static DevAccount Moderator => DevAccounts.Moderator;
    public static DevAccount FeeRecipient => DevAccounts.FeeRecipient;
    public static DevAccount Seller => DevAccounts.Traders[0];
    public static DevAccount Buyer => DevAccounts.Traders[1];
    public static DevAccount Outsider => DevAccounts.Traders[2];
    /// <summary>Owns the PartyContract wallets that tests deploy.</summary>
    public static DevAccount WalletOwner => DevAccounts.Traders[3];
    /// <summary>Never sends a transaction, so its balance changes only by what it is paid.</summary>
    public static DevAccount Payee => DevAccounts.Traders[4];

    public static async Task<EscrowHarness> DeployAsync(AnvilFixture chain, DevDeploymentSettings? settings = null)
    {
        var deployment = await chain.DeployDevContractsAsync(settings ?? new DevDeploymentSettings
        {
            FeeBps = FeeBps,
            StablecoinPerTrader = 0,
        });
        return new EscrowHarness(chain, deployment);
    }

    public static byte[] NewSalt() => TradeIdDerivation.NewSalt();

    /// <summary>A fresh salt and the id of the trade <paramref name="seller"/> (default <see cref="Seller"/>) creates with it.</summary>
    public static (byte[] Salt, byte[] TradeId) NewTrade(string? seller = null)
    {
        var salt = NewSalt();
        return (salt, TradeIdDerivation.Derive(seller ?? Seller.Address, salt));
    }

    public IWeb3 As(DevAccount account) => Chain.Web3For(account);

    public Task<TransactionReceipt> SendAsync<TFunction>(DevAccount from, TFunction function, string? contract = null)
        where TFunction : FunctionMessage, new() =>
        As(from).Eth.GetContractTransactionHandler<TFunction>()
            .SendRequestAndWaitForReceiptAsync(contract ?? Escrow, function).EnsureSucceeded();

    public Task<TOutput> QueryAsync<TFunction, TOutput>(TFunction function, string? contract = null)
        where TFunction : FunctionMessage, new() =>
        Chain.Reader.Eth.GetContractQueryHandler<TFunction>().QueryAsync<TOutput>(contract ?? Escrow, function);

    public Task<byte[]> TradeIdOfAsync(string seller, byte[] salt) =>
        QueryAsync<TradeIdOfFunction, byte[]>(new TradeIdOfFunction { Seller = seller, Salt = salt });

    public async Task<OnChainTrade> GetTradeAsync(byte[] tradeId) =>
        (await Chain.Reader.Eth.GetContractQueryHandler<GetTradeFunction>()
            .QueryDeserializingToObjectAsync<GetTradeOutput>(new GetTradeFunction { TradeId = tradeId }, Escrow)).Trade;

    public Task<TransactionReceipt> CreateEthTradeAsync(byte[] salt, BigInteger amount, DevAccount? seller = null, string? buyer = null, ulong window = Window) =>
        SendAsync(seller ?? Seller, new CreateTradeFunction
        {
            Salt = salt,
            Buyer = buyer ?? Buyer.Address,
            Token = ZeroAddress,
            Amount = amount,
            PaymentWindow = window,
            AmountToSend = amount,
        });

    public async Task<TransactionReceipt> CreateTokenTradeAsync(byte[] salt, string token, BigInteger amount, DevAccount? seller = null, string? buyer = null, ulong window = Window)
    {
        seller ??= Seller;
        await MintAndApproveAsync(token, seller, amount);
        return await CreateApprovedTokenTradeAsync(salt, token, amount, seller, buyer, window);
    }

    /// <summary>createTrade for a token the seller already holds and has approved.</summary>
    public Task<TransactionReceipt> CreateApprovedTokenTradeAsync(byte[] salt, string token, BigInteger amount, DevAccount? seller = null, string? buyer = null, ulong window = Window) =>
        SendAsync(seller ?? Seller, new CreateTradeFunction
        {
            Salt = salt,
            Buyer = buyer ?? Buyer.Address,
            Token = token,
            Amount = amount,
            PaymentWindow = window,
        });

    public async Task MintAndApproveAsync(string token, DevAccount owner, BigInteger amount)
    {
        await SendAsync(owner, new MintFunction { To = owner.Address, Amount = amount }, token);
        await As(owner).Eth.ERC20.GetContractService(token).ApproveRequestAndWaitForReceiptAsync(Escrow, amount);
    }

    public async Task AllowTokenAsync(string token) =>
        await SendAsync(Admin, new SetTokenAllowedFunction { Token = token, Allowed = true });

    public Task<TransactionReceipt> MarkPaidAsync(byte[] tradeId, DevAccount? buyer = null) =>
        SendAsync(buyer ?? Buyer, new MarkPaidFunction { TradeId = tradeId });

    public Task<TransactionReceipt> ReleaseAsync(byte[] tradeId, DevAccount? seller = null) =>
        SendAsync(seller ?? Seller, new ReleaseFunction { TradeId = tradeId });

    public Task<TransactionReceipt> CancelAsync(byte[] tradeId, DevAccount by) =>
        SendAsync(by, new CancelFunction { TradeId = tradeId });

    public Task<TransactionReceipt> OpenDisputeAsync(byte[] tradeId, DevAccount by) =>
        SendAsync(by, new OpenDisputeFunction { TradeId = tradeId });

    public Task<TransactionReceipt> ResolveAsync(byte[] tradeId, ushort buyerBps, DevAccount? moderator = null) =>
        SendAsync(moderator ?? Moderator, new ResolveDisputeFunction { TradeId = tradeId, BuyerBps = buyerBps });

    public Task<BigInteger> PendingWithdrawalAsync(string account, string token) =>
        QueryAsync<PendingWithdrawalsFunction, BigInteger>(new PendingWithdrawalsFunction { Account = account, Token = token });

    /// <summary>Deploys one of the test-only contracts (hostile tokens, party contracts) from its artifact.</summary>
    public async Task<string> DeployArtifactAsync(string contractName, DevAccount? from = null, params object[] constructorArguments)
    {
        var web3 = As(from ?? Admin);
        var receipt = await web3.Eth.DeployContract.SendRequestAndWaitForReceiptAsync(
            ContractArtifacts.Get(contractName).AbiJson,
            ContractArtifacts.Bytecode(contractName),
            web3.TransactionManager.Account.Address,
            new Nethereum.Hex.HexTypes.HexBigInteger(5_000_000),
            null,
            constructorArguments);
        return receipt.Succeeded() ? receipt.ContractAddress : throw new InvalidOperationException($"deploying {contractName} failed");
    }

    /// <summary>
    /// Runs a transaction that must revert and returns the decoded custom error. Nethereum simulates the call
    /// while estimating gas, so a revert surfaces before anything is sent.
    /// </summary>
    public static async Task<TError> ShouldRevertWith<TError>(Func<Task> action) where TError : class, new()
    {
        var exception = await Should.ThrowAsync<SmartContractCustomErrorRevertException>(action);
        exception.IsCustomErrorFor<TError>().ShouldBeTrue($"expected {typeof(TError).Name}, got error data {exception.ExceptionEncodedData}");
        return exception.DecodeError<TError>();
    }

    public static BigInteger GasCost(TransactionReceipt receipt) => receipt.GasUsed.Value * receipt.EffectiveGasPrice.Value;

    public static BigInteger Eth(decimal ether) => Nethereum.Web3.Web3.Convert.ToWei(ether);

    public const string ZeroAddress = "0x0000000000000000000000000000000000000000";
}
