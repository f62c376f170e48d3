using System.Reflection;
using Nethereum.ABI;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace EscrowP2P.Core.Tests.Support;

/// <summary>
/// ABI-encodes an event DTO into the topics and data of a log, as the contract would emit it: topic 0 is the
/// event's signature hash, then one topic per indexed parameter; the other parameters are the data.
/// </summary>
public static class EscrowLogEncoder
{
    private static readonly ABIEncode Abi = new();

    public static (string[] Topics, string Data) Encode(IEventDTO dto)
    {
        var type = dto.GetType();
        var name = type.GetCustomAttribute<EventAttribute>()?.Name ?? throw new ArgumentException($"{type.Name} has no [Event] attribute", nameof(dto));
        var parameters = type.GetProperties()
            .Select(p => (Property: p, Parameter: p.GetCustomAttribute<ParameterAttribute>()))
            .Where(p => p.Parameter is not null)
            .OrderBy(p => p.Parameter!.Order)
            .Select(p => (p.Parameter!, Value: p.Property.GetValue(dto)))
            .ToList();

        var signature = $"{name}({string.Join(",", parameters.Select(p => p.Item1.Type))})";
        var topics = new List<string> { "0x" + Sha3Keccack.Current.CalculateHash(signature) };
        topics.AddRange(parameters.Where(p => p.Item1.Parameter.Indexed)
            .Select(p => Abi.GetABIEncoded(new ABIValue(p.Item1.Type, p.Value)).ToHex(prefix: true)));
        var data = Abi.GetABIEncoded(parameters.Where(p => !p.Item1.Parameter.Indexed)
            .Select(p => new ABIValue(p.Item1.Type, p.Value)).ToArray());
        return (topics.ToArray(), data.ToHex(prefix: true));
    }
}
