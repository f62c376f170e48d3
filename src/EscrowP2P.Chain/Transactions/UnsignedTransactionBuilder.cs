using System.Numerics;
using EscrowP2P.Chain.Configuration;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Chain.Transactions;

/// <summary>Turns simulated calls into wallet-ready EIP-1559 transactions with a gas margin and current fees.</summary>
public sealed class UnsignedTransactionBuilder(
    ChainConnection chain,
    TransactionSimulator simulator,
    FeeOracle fees,
    IOptions<ChainOptions> options)
{
    private readonly int _marginPercent = options.Value.GasMarginPercent;

    public async Task<UnsignedTransaction> BuildAsync(CallRequest call, CancellationToken cancellationToken)
    {
        var feesTask = fees.SuggestAsync(cancellationToken);
        var gas = await simulator.SimulateAndEstimateAsync(call, cancellationToken);
        return Build(call, gas, await feesTask);
    }

    /// <summary>Calls that must be sent in order (each simulated on top of the previous ones).</summary>
    public async Task<IReadOnlyList<UnsignedTransaction>> BuildSequenceAsync(IReadOnlyList<CallRequest> calls, CancellationToken cancellationToken)
    {
        if (calls.Count == 1) return [await BuildAsync(calls[0], cancellationToken)];
        var feesTask = fees.SuggestAsync(cancellationToken);
        var gasUsed = await simulator.SimulateSequenceAsync(calls, cancellationToken);
        var suggested = await feesTask;
        return calls.Select((call, i) => Build(call, gasUsed[i], suggested)).ToList();
    }

    private UnsignedTransaction Build(CallRequest call, BigInteger gas, Fees suggested) => new(
        call.Purpose,
        EthereumAddress.Checksum(call.From),
        EthereumAddress.Checksum(call.To),
        call.Data,
        HexQuantity.From(call.Value),
        HexQuantity.From(chain.ChainId),
        HexQuantity.From(GasLimit.WithMargin(gas, _marginPercent)),
        HexQuantity.From(suggested.MaxFeePerGas),
        HexQuantity.From(suggested.MaxPriorityFeePerGas));
}
