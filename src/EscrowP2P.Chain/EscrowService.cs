using EscrowP2P.Chain.Configuration;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Errors;
using EscrowP2P.Chain.Transactions;
using Microsoft.Extensions.Options;
using Nethereum.Contracts;
using Nethereum.Contracts.Standards.ERC20.ContractDefinition;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.Chain;

/// <summary>
/// Everything the platform asks of the escrow contract: reading trades, preparing the unsigned transactions users
/// sign in their wallets, and sending the moderator's own transactions.
/// </summary>
public sealed class EscrowService(
    ChainConnection chain,
    UnsignedTransactionBuilder builder,
    ModeratorSigner moderator,
    IOptions<ChainOptions> options)
{
    private readonly TimeSpan _receiptTimeout = TimeSpan.FromSeconds(options.Value.ReceiptTimeoutSeconds);

    public async Task<OnChainTrade> GetTradeAsync(byte[] tradeId, CancellationToken cancellationToken)
    {
        var output = await chain.Web3.Eth.GetContractQueryHandler<GetTradeFunction>()
            .QueryDeserializingToObjectAsync<GetTradeOutput>(new GetTradeFunction { TradeId = tradeId }, chain.EscrowAddress)
            .WaitAsync(cancellationToken);
        return output.Trade;
    }

    /// <summary>
    /// createTrade, preceded by approve when the seller's ERC-20 allowance is short. <paramref name="promisedAllowance"/>
    /// is what the seller's other open preparations of this token will still pull: their approves and createTrades may be
    /// sent in any order, so an approve covers them and this trade together, or one approve would overwrite another.
    /// </summary>
    public async Task<IReadOnlyList<UnsignedTransaction>> PrepareCreateTradeAsync(
        TradeTerms terms, System.Numerics.BigInteger promisedAllowance, CancellationToken cancellationToken)
    {
        var create = new CallRequest("createTrade", terms.Seller, chain.EscrowAddress, Encode(new CreateTradeFunction
        {
            Salt = terms.Salt,
            Buyer = terms.Buyer,
            Token = terms.Token,
            Amount = terms.Amount,
            PaymentWindow = terms.PaymentWindowSeconds,
        }), terms.IsEth ? terms.Amount : 0);
        if (terms.IsEth) return await builder.BuildSequenceAsync([create], cancellationToken);

        var allowance = await chain.Web3.Eth.GetContractQueryHandler<AllowanceFunction>()
            .QueryAsync<System.Numerics.BigInteger>(terms.Token, new AllowanceFunction { Owner = terms.Seller, Spender = chain.EscrowAddress })
            .WaitAsync(cancellationToken);
        var needed = promisedAllowance + terms.Amount;
        if (allowance >= needed) return await builder.BuildSequenceAsync([create], cancellationToken);

        // Approve exactly what the open trades need, never an unlimited allowance.
        var approvals = new List<CallRequest>();
        if (allowance > 0 && ResetsAllowanceFirst(terms.Token)) approvals.Add(Approve(terms, 0, "resetAllowance"));
        approvals.Add(Approve(terms, needed, "approve"));
        return await builder.BuildSequenceAsync([.. approvals, create], cancellationToken);
    }

    private CallRequest Approve(TradeTerms terms, System.Numerics.BigInteger value, string purpose) =>
        new(purpose, terms.Seller, terms.Token, Encode(new ApproveFunction { Spender = chain.EscrowAddress, Value = value }), 0);

    private bool ResetsAllowanceFirst(string token) =>
        options.Value.Tokens.Any(t => t.ResetAllowanceFirst && EthereumAddress.AreSame(t.Address, token));

    public Task<UnsignedTransaction> PrepareActionAsync(TradeAction action, byte[] tradeId, string from, CancellationToken cancellationToken)
    {
        var (purpose, data) = action switch
        {
            TradeAction.MarkPaid => ("markPaid", Encode(new MarkPaidFunction { TradeId = tradeId })),
            TradeAction.Release => ("release", Encode(new ReleaseFunction { TradeId = tradeId })),
            TradeAction.Cancel => ("cancel", Encode(new CancelFunction { TradeId = tradeId })),
            TradeAction.Dispute => ("openDispute", Encode(new OpenDisputeFunction { TradeId = tradeId })),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
        return builder.BuildAsync(new CallRequest(purpose, from, chain.EscrowAddress, data, 0), cancellationToken);
    }

    /// <summary>What the escrow holds for <paramref name="account"/> in <paramref name="token"/> after a payout it could not push.</summary>
    public Task<System.Numerics.BigInteger> GetPendingWithdrawalAsync(string account, string token, CancellationToken cancellationToken) =>
        chain.Web3.Eth.GetContractQueryHandler<PendingWithdrawalsFunction>()
            .QueryAsync<System.Numerics.BigInteger>(chain.EscrowAddress, new PendingWithdrawalsFunction { Account = account, Token = token })
            .WaitAsync(cancellationToken);

    /// <summary>withdraw(token, to): claims a deferred payout, sent to <paramref name="to"/> (the caller's choice of destination).</summary>
    public Task<UnsignedTransaction> PrepareWithdrawAsync(string from, string token, string to, CancellationToken cancellationToken) =>
        builder.BuildAsync(new CallRequest("withdraw", from, chain.EscrowAddress, Encode(new WithdrawFunction { Token = token, To = to }), 0), cancellationToken);

    /// <summary>
    /// Signs resolveDispute with the moderator key, lets <paramref name="recordSigned"/> store the signed transaction
    /// durably, then broadcasts it. Does not wait for it to be mined.
    /// </summary>
    public Task<SignedTransaction> SendResolveDisputeAsync(
        byte[] tradeId, ushort buyerBps, Func<SignedTransaction, Task> recordSigned, CancellationToken cancellationToken) =>
        moderator.SendAsync("resolveDispute", chain.EscrowAddress,
            new ResolveDisputeFunction { TradeId = tradeId, BuyerBps = buyerBps }, recordSigned, cancellationToken);

    /// <summary>
    /// Waits, within Chain:ReceiptTimeoutSeconds, for a server-signed transaction's receipt; pending when the wait ends
    /// first or <paramref name="cancellationToken"/> stops it.
    /// </summary>
    public async Task<ModeratorTransactionResult> WaitForOutcomeAsync(string txHash, CancellationToken cancellationToken) =>
        Outcome(txHash, await moderator.WaitForReceiptAsync(txHash, _receiptTimeout, cancellationToken));

    /// <summary>
    /// Where a server-signed transaction stands now, without waiting. One the node no longer knows (no receipt, unknown
    /// hash) is broadcast again from its signed bytes: the very same transaction, never a new one. Throws
    /// <see cref="NodeRefusedException"/> when the node refuses it (its nonce went to another).
    /// </summary>
    public async Task<ModeratorTransactionResult> GetOutcomeAsync(string txHash, string? rawTransaction, CancellationToken cancellationToken)
    {
        var receipt = await ReceiptAsync(txHash, cancellationToken);
        if (receipt is not null || rawTransaction is null || await IsKnownAsync(txHash, cancellationToken)) return Outcome(txHash, receipt);
        try
        {
            await moderator.BroadcastAsync(rawTransaction);
        }
        catch (RpcResponseException ex)
        {
            // Mined or back in the pool in the meantime answers "nonce too low" or "already known": look once more.
            receipt = await ReceiptAsync(txHash, cancellationToken);
            if (receipt is null && !await IsKnownAsync(txHash, cancellationToken)) throw new NodeRefusedException(ex.Message, ex);
        }
        return Outcome(txHash, receipt);
    }

    private Task<TransactionReceipt?> ReceiptAsync(string txHash, CancellationToken cancellationToken) =>
        chain.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(txHash).WaitAsync(cancellationToken)!;

    private async Task<bool> IsKnownAsync(string txHash, CancellationToken cancellationToken) =>
        await chain.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(txHash).WaitAsync(cancellationToken) is not null;

    private static ModeratorTransactionResult Outcome(string txHash, TransactionReceipt? receipt) => receipt is null
        ? new ModeratorTransactionResult(txHash, ModeratorTransactionStatus.Pending, null)
        : new ModeratorTransactionResult(
            txHash,
            receipt.Succeeded() ? ModeratorTransactionStatus.Mined : ModeratorTransactionStatus.Reverted,
            (long)receipt.BlockNumber.Value);

    private static string Encode<TFunction>(TFunction function) where TFunction : FunctionMessage, new() =>
        function.GetCallData().ToHex(prefix: true);
}
