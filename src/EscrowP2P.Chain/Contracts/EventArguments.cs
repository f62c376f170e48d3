using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Hex.HexConvertors.Extensions;

namespace EscrowP2P.Chain.Contracts;

/// <summary>
/// An event binding's arguments as clients see them and the store keeps them: by ABI name, in ABI order, each a
/// string — numbers in decimal, addresses EIP-55, bytes32 as 0x-hex. Read back into the binding, they give the event again.
/// </summary>
public static class EventArguments
{
    private static readonly ConcurrentDictionary<Type, Argument[]> ArgumentsByType = new();

    public static IReadOnlyDictionary<string, string> Of(IEventDTO e)
    {
        var arguments = new Dictionary<string, string>();
        foreach (var argument in ArgumentsOf(e.GetType())) arguments[argument.Name] = Format(argument, argument.Property.GetValue(e));
        return arguments;
    }

    public static IEventDTO Read(Type binding, IReadOnlyDictionary<string, string> arguments)
    {
        var e = (IEventDTO)Activator.CreateInstance(binding)!;
        foreach (var argument in ArgumentsOf(binding)) argument.Property.SetValue(e, Parse(argument.Property.PropertyType, arguments[argument.Name]));
        return e;
    }

    /// <summary>Writes the event's addresses EIP-55, as its arguments show them (a decoded log holds them in lowercase).</summary>
    public static TEvent WithChecksumAddresses<TEvent>(TEvent e) where TEvent : IEventDTO
    {
        foreach (var argument in ArgumentsOf(typeof(TEvent)).Where(a => a.IsAddress))
        {
            argument.Property.SetValue(e, EthereumAddress.Checksum((string)argument.Property.GetValue(e)!));
        }
        return e;
    }

    private static string Format(Argument argument, object? value) => value switch
    {
        byte[] bytes => bytes.ToHex(prefix: true),
        string address when argument.IsAddress => EthereumAddress.Checksum(address),
        BigInteger number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        null => "",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static object Parse(Type type, string text) =>
        type == typeof(byte[]) ? text.HexToByteArray()
        : type == typeof(string) ? text
        : type == typeof(BigInteger) ? BigInteger.Parse(text, CultureInfo.InvariantCulture)
        : type == typeof(bool) ? bool.Parse(text)
        : Convert.ChangeType(text, type, CultureInfo.InvariantCulture);


    private static Argument[] ArgumentsOf(Type binding) => ArgumentsByType.GetOrAdd(binding, type => type.GetProperties()
        .Select(p => (Property: p, Parameter: p.GetCustomAttribute<ParameterAttribute>()?.Parameter))
        .Where(p => p.Parameter is not null)
        .OrderBy(p => p.Parameter!.Order)
        .Select(p => new Argument(p.Property, p.Parameter!.Name, p.Parameter.Type))
        .ToArray());

    private sealed record Argument(PropertyInfo Property, string Name, string AbiType)
    {
        public bool IsAddress => AbiType == "address";
    }
}
