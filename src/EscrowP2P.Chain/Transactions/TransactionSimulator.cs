using System.Globalization;
using System.Numerics;
using EscrowP2P.Chain.Errors;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Newtonsoft.Json.Linq;

namespace EscrowP2P.Chain.Transactions;

/// <summary>
/// Runs prepared calls against the node's latest state (eth_call, eth_estimateGas, eth_simulateV1) and turns a
/// revert into a <see cref="TransactionWouldRevertException"/> with the decoded contract error.
/// </summary>
public sealed class TransactionSimulator(ChainConnection chain)
{
    /// <summary>Simulates one call and estimates its gas; both run against the same latest state.</summary>
    public async Task<BigInteger> SimulateAndEstimateAsync(CallRequest call, CancellationToken cancellationToken)
    {
        var input = ToCallInput(call);
        var simulation = RevertDataOf(() => chain.Client.SendRequestAsync<string>("eth_call", null, input, "latest"));
        var estimate = RevertDataOf(() => chain.Client.SendRequestAsync<HexBigInteger>("eth_estimateGas", null, input));
        await Task.WhenAll(simulation, estimate).WaitAsync(cancellationToken);

        var (_, revertData) = await simulation;
        if (revertData is not null) throw new TransactionWouldRevertException(call.Purpose, ContractErrorDecoder.Decode(revertData));
        var (gas, estimateRevert) = await estimate;
        if (estimateRevert is not null) throw new TransactionWouldRevertException(call.Purpose, ContractErrorDecoder.Decode(estimateRevert));
        return gas!.Value;
    }

    /// <summary>
    /// Simulates calls that depend on each other (approve, then createTrade) in one eth_simulateV1 block and returns
    /// the gas each used.
    /// </summary>
    public async Task<IReadOnlyList<BigInteger>> SimulateSequenceAsync(IReadOnlyList<CallRequest> calls, CancellationToken cancellationToken)
    {
        var payload = new JObject
        {
            ["blockStateCalls"] = new JArray(new JObject
            {
                ["calls"] = new JArray(calls.Select(c => new JObject
                {
                    ["from"] = c.From,
                    ["to"] = c.To,
                    ["data"] = c.Data,
                    ["value"] = HexQuantity.From(c.Value),
                })),
            }),
            ["validation"] = false,
        };
        var blocks = await chain.Client.SendRequestAsync<JArray>("eth_simulateV1", null, payload, "latest").WaitAsync(cancellationToken);
        var results = (JArray)blocks[0]["calls"]!;
        var gasUsed = new List<BigInteger>(calls.Count);
        for (var i = 0; i < calls.Count; i++)
        {
            var result = results[i];
            if (result.Value<string>("status") != "0x1")
            {
                var revertData = result["error"]?.Value<string>("data") ?? result.Value<string>("returnData");
                throw new TransactionWouldRevertException(calls[i].Purpose, ContractErrorDecoder.Decode(revertData));
            }
            gasUsed.Add(new HexBigInteger(result.Value<string>("gasUsed")!).Value);
        }
        return gasUsed;
    }

    private static CallInput ToCallInput(CallRequest call) => new()
    {
        From = call.From,
        To = call.To,
        Data = call.Data,
        Value = new HexBigInteger(call.Value),
    };

    private static async Task<(T? Result, string? RevertData)> RevertDataOf<T>(Func<Task<T>> request)
    {
        try
        {
            return (await request(), null);
        }
        catch (RpcResponseException ex) when (IsRevert(ex))
        {
            return (default, RevertData(ex) ?? "0x");
        }
    }

    private static bool IsRevert(RpcResponseException ex) =>
        ex.RpcError is { } error && (error.Code == 3 || RevertData(ex) is not null
            || error.Message.Contains("revert", StringComparison.OrdinalIgnoreCase)
            || error.Message.Contains("insufficient funds", StringComparison.OrdinalIgnoreCase));

    private static string? RevertData(RpcResponseException ex)
    {
        var data = ex.RpcError?.Data;
        if (data is JObject nested) data = nested["data"];
        var text = data switch
        {
            JValue value => Convert.ToString(value.Value, CultureInfo.InvariantCulture),
            null => null,
            _ => data.ToString(),
        };
        return text is not null && text.StartsWith("0x", StringComparison.Ordinal) ? text : null;
    }
}
