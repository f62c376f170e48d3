using System.Globalization;
using System.Numerics;
using EscrowP2P.Chain.Contracts;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.Model;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;

namespace EscrowP2P.Chain.Events;

/// <summary>Decodes the escrow's logs by their first topic, using the events declared in the compiled ABI.</summary>
public static class EscrowEventDecoder
{
    private static readonly Lazy<Dictionary<string, EventABI>> EventsByTopic = new(() =>
        new ABIJsonDeserialiser().DeserialiseContract(ContractArtifacts.Get("P2PEscrow").AbiJson).Events
            .ToDictionary(e => "0x" + e.Sha3Signature.ToLowerInvariant()));

    /// <summary>Null for logs that are not escrow events (e.g. role changes are events too, but not ours to project).</summary>
    public static DecodedEscrowEvent? Decode(FilterLog log)
    {
        if (log.Topics is not { Length: > 0 } topics) return null;
        if (!EventsByTopic.Value.TryGetValue(topics[0].ToString()!.ToLowerInvariant(), out var abi)) return null;

        var decoded = abi.DecodeEventDefaultTopics(log);
        var arguments = decoded.Event.ToDictionary(p => p.Parameter.Name, p => Format(p.Parameter.Type, p.Result));
        return new DecodedEscrowEvent(
            abi.Name,
            arguments.TryGetValue("tradeId", out var tradeId) ? TradeId.Parse(tradeId) : null,
            arguments,
            (long)log.BlockNumber.Value,
            log.BlockHash.ToLowerInvariant(),
            log.TransactionHash.ToLowerInvariant(),
            (int)log.LogIndex.Value);
    }

    private static string Format(string type, object? value) => value switch
    {
        byte[] bytes => bytes.ToHex(prefix: true),
        string address when type == "address" => AddressUtil.Current.ConvertToChecksumAddress(address),
        BigInteger number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        null => "",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
