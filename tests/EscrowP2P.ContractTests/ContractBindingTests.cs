using System.Reflection;
using System.Text.Json;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.DevChain;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace EscrowP2P.ContractTests;

/// <summary>The hand-written C# bindings must match the compiled ABI exactly, so the two can never drift.</summary>
public class ContractBindingTests
{
    private static readonly Assembly Bindings = typeof(CreateTradeFunction).Assembly;

    [Fact]
    public void Every_function_binding_matches_a_function_in_the_compiled_abi()
    {
        var abi = AbiSignatures("function");
        var bound = Bindings.GetTypes()
            .Where(t => t.GetCustomAttribute<FunctionAttribute>() is not null && t.Name != nameof(MintFunction))
            .Select(t => Signature(t.GetCustomAttribute<FunctionAttribute>()!.Name, t))
            .ToList();

        bound.ShouldNotBeEmpty();
        bound.ShouldAllBe(signature => abi.Contains(signature));
    }

    [Fact]
    public void Every_escrow_event_in_the_abi_has_a_binding_with_the_same_types_and_indexed_flags()
    {
        var abi = AbiSignatures("event", includeIndexed: true);
        var bound = Bindings.GetTypes()
            .Where(t => t.GetCustomAttribute<EventAttribute>() is not null)
            .Select(t => Signature(t.GetCustomAttribute<EventAttribute>()!.Name, t, includeIndexed: true))
            .ToHashSet();

        var openZeppelinEvents = new[] { "RoleGranted", "RoleRevoked", "RoleAdminChanged", "Paused", "Unpaused" };
        abi.Where(s => !openZeppelinEvents.Any(oz => s.StartsWith(oz + "(", StringComparison.Ordinal)))
            .ShouldBeSubsetOf(bound);
        bound.ShouldBeSubsetOf(abi);
    }

    [Fact]
    public void Every_escrow_event_about_a_trade_is_decoded_as_a_trade_event()
    {
        using var abi = JsonDocument.Parse(ContractArtifacts.Get("P2PEscrow").AbiJson);
        var aboutATrade = abi.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "event"
                && e.GetProperty("inputs").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } first
                && first.GetProperty("name").GetString() == "tradeId")
            .Select(e => e.GetProperty("name").GetString())
            .ToHashSet();
        var tradeEventBindings = Bindings.GetTypes().Where(t => t.IsClass && t.IsAssignableTo(typeof(ITradeEvent))).ToHashSet();

        TradeEvents.All.ToHashSet().ShouldBe(tradeEventBindings, ignoreOrder: true);
        TradeEvents.All.Select(t => t.GetCustomAttribute<EventAttribute>()!.Name).ToHashSet().ShouldBe(aboutATrade, ignoreOrder: true);
    }

    [Fact]
    public void Every_escrow_error_in_the_abi_has_a_binding_with_the_same_types()
    {
        var abi = AbiSignatures("error");
        var bound = Bindings.GetTypes()
            .Where(t => t.GetCustomAttribute<ErrorAttribute>() is not null)
            .Select(t => Signature(t.GetCustomAttribute<ErrorAttribute>()!.Name, t))
            .ToHashSet();

        bound.ShouldBeSubsetOf(abi);
        var escrowOwnErrors = abi.Where(s => !s.StartsWith("AccessControl", StringComparison.Ordinal)
            && !s.StartsWith("Expected", StringComparison.Ordinal)
            && !s.StartsWith("SafeERC20", StringComparison.Ordinal)
            && !s.StartsWith("ReentrancyGuard", StringComparison.Ordinal)
            && !s.StartsWith("EnforcedPause", StringComparison.Ordinal));
        escrowOwnErrors.ShouldBeSubsetOf(bound);
    }

    [Fact]
    public void The_trade_struct_binding_matches_the_getTrade_output()
    {
        using var abi = JsonDocument.Parse(ContractArtifacts.Get("P2PEscrow").AbiJson);
        var getTrade = abi.RootElement.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "function"
            && e.GetProperty("name").GetString() == "getTrade");
        var components = getTrade.GetProperty("outputs")[0].GetProperty("components").EnumerateArray()
            .Select(c => $"{c.GetProperty("type").GetString()} {c.GetProperty("name").GetString()}")
            .ToList();

        var bound = typeof(OnChainTrade).GetProperties()
            .Select(p => p.GetCustomAttribute<ParameterAttribute>())
            .OfType<ParameterAttribute>()
            .OrderBy(p => p.Order)
            .Select(p => $"{p.Type} {p.Name}")
            .ToList();

        bound.ShouldBe(components);
    }

    private static HashSet<string> AbiSignatures(string kind, bool includeIndexed = false)
    {
        using var abi = JsonDocument.Parse(ContractArtifacts.Get("P2PEscrow").AbiJson);
        return abi.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == kind)
            .Select(e => e.GetProperty("name").GetString() + "(" + string.Join(",", e.GetProperty("inputs").EnumerateArray()
                .Select(i => AbiType(i) + (includeIndexed && i.TryGetProperty("indexed", out var ix) && ix.GetBoolean() ? " indexed" : ""))) + ")")
            .ToHashSet();
    }

    private static string AbiType(JsonElement input)
    {
        var type = input.GetProperty("type").GetString()!;
        return type;
    }

    private static string Signature(string name, Type type, bool includeIndexed = false)
    {
        var parameters = type.GetProperties()
            .Select(p => p.GetCustomAttribute<ParameterAttribute>())
            .OfType<ParameterAttribute>()
            .OrderBy(p => p.Order)
            .Select(p => p.Type + (includeIndexed && p.Parameter.Indexed ? " indexed" : ""));
        return $"{name}({string.Join(",", parameters)})";
    }
}
