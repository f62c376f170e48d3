using EscrowP2P.Chain.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.KeyStore;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace EscrowP2P.Chain.Transactions;

/// <summary>
/// Signs and sends moderator transactions with the platform's key. Sends are serialised (<see cref="IModeratorSendLock"/>:
/// within the process, or across instances) and each takes the node's pending transaction count as its nonce, so
/// concurrent requests never collide, and a node that dropped or lost transactions (a reorg, a restart) never leaves
/// the signer waiting on a nonce gap.
/// </summary>
public sealed partial class ModeratorSigner
{
    private readonly ChainConnection _chain;
    private readonly FeeOracle _fees;
    private readonly TransactionSimulator _simulator;
    private readonly ILogger<ModeratorSigner> _logger;
    private readonly Web3 _web3;
    private readonly int _marginPercent;
    private readonly IModeratorSendLock _sendLock;

    public ModeratorSigner(
        ChainConnection chain,
        FeeOracle fees,
        TransactionSimulator simulator,
        IModeratorSendLock sendLock,
        IOptions<ModeratorKeyOptions> keyOptions,
        IOptions<ChainOptions> chainOptions,
        ILogger<ModeratorSigner> logger)
    {
        _chain = chain;
        _fees = fees;
        _simulator = simulator;
        _sendLock = sendLock;
        _logger = logger;
        _marginPercent = chainOptions.Value.GasMarginPercent;
        var account = new Account(LoadPrivateKey(keyOptions.Value), chain.ChainId);
        _web3 = new Web3(account, chain.Client);
        Address = account.Address;
    }

    public string Address { get; }

    /// <summary>
    /// Simulates and signs, hands the signed transaction to <paramref name="recordSigned"/> to be stored durably, and
    /// only then broadcasts it, so that whatever becomes of the broadcast the very same transaction can be sent again.
    /// Returns without waiting for it to be mined.
    /// </summary>
    public async Task<SignedTransaction> SendAsync<TFunction>(
        string purpose, string contract, TFunction function, Func<SignedTransaction, Task> recordSigned, CancellationToken cancellationToken)
        where TFunction : FunctionMessage, new()
    {
        var data = function.GetCallData().ToHex(prefix: true);
        var gas = await _simulator.SimulateAndEstimateAsync(new CallRequest(purpose, Address, contract, data, 0), cancellationToken);
        var fees = await _fees.SuggestAsync(cancellationToken);

        await using (await _sendLock.AcquireAsync(Address, cancellationToken))
        {
            var nonce = (await _web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(Address, BlockParameter.CreatePending())).Value;
            var input = new TransactionInput
            {
                From = Address,
                To = contract,
                Data = data,
                Value = new HexBigInteger(0),
                Gas = new HexBigInteger(GasLimit.WithMargin(gas, _marginPercent)),
                MaxFeePerGas = new HexBigInteger(fees.MaxFeePerGas),
                MaxPriorityFeePerGas = new HexBigInteger(fees.MaxPriorityFeePerGas),
                Nonce = new HexBigInteger(nonce),
                Type = new HexBigInteger(2),
                ChainId = new HexBigInteger(_chain.ChainId),
            };
            var raw = (await _web3.TransactionManager.SignTransactionAsync(input)).EnsureHexPrefix();
            var signed = new SignedTransaction(TransactionUtils.CalculateTransactionHash(raw).EnsureHexPrefix(), raw, (long)nonce);
            // Still under the lock: the next send must not take this nonce while the record is being written.
            await recordSigned(signed);
            await BroadcastAsync(signed.Raw);
            LogSent(purpose, signed.Hash, signed.Nonce);
            return signed;
        }
    }

    /// <summary>Broadcasts a signed transaction (again): the node answers with its hash, which the signing fixed.</summary>
    public Task BroadcastAsync(string rawTransaction) =>
        _web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(rawTransaction);

    /// <summary>
    /// Polls for the receipt until it exists, or until the timeout passes or the caller stops waiting (then null:
    /// still pending).
    /// </summary>
    public async Task<TransactionReceipt?> WaitForReceiptAsync(string txHash, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var receipt = await _web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(txHash);
                if (receipt is not null) return receipt;
                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static string LoadPrivateKey(ModeratorKeyOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.PrivateKey)) return options.PrivateKey.Trim();
        if (!string.IsNullOrWhiteSpace(options.KeystorePath))
        {
            var json = File.ReadAllText(options.KeystorePath);
            var key = new KeyStoreService().DecryptKeyStoreFromJson(options.KeystorePassword ?? "", json);
            return Convert.ToHexString(key);
        }
        throw new InvalidOperationException("No moderator key: set Moderator:PrivateKey (environment) or Moderator:KeystorePath and Moderator:KeystorePassword.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moderator transaction {Purpose} sent: {TxHash} (nonce {Nonce})")]
    private partial void LogSent(string purpose, string txHash, long nonce);
}
