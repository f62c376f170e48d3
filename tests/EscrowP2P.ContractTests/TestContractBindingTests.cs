using System.Reflection;
using System.Text.Json;
using EscrowP2P.Chain.Contracts;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace EscrowP2P.ContractTests;

/// <summary>The test-only bindings in this project must match the compiled test contracts, like the escrow's do.</summary>
public class TestContractBindingTests
{
    private static readonly string[] TestContracts = ["BlacklistToken", "FalseReturningToken", "ReentrantToken", "PartyContract"];

    [Fact]
    public void Every_test_contract_binding_matches_a_function_of_a_test_contract()
    {
        var abi = TestContracts.SelectMany(FunctionSignatures).ToHashSet();
        var bound = typeof(TestContractBindingTests).Assembly.GetTypes()
            .Select(t => (Type: t, Function: t.GetCustomAttribute<FunctionAttribute>()))
            .Where(b => b.Function is not null)
            .Select(b => $"{b.Function!.Name}({string.Join(",", b.Type.GetProperties()
                .Select(p => p.GetCustomAttribute<ParameterAttribute>())
                .OfType<ParameterAttribute>()
                .OrderBy(p => p.Order)
                .Select(p => p.Type))})")
            .ToList();

        bound.Count.ShouldBe(10);
        bound.ShouldAllBe(signature => abi.Contains(signature));
    }

    private static IEnumerable<string> FunctionSignatures(string contract)
    {
        using var abi = JsonDocument.Parse(ContractArtifacts.Get(contract).AbiJson);
        return abi.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "function")
            .Select(e => e.GetProperty("name").GetString() + "(" + string.Join(",", e.GetProperty("inputs").EnumerateArray()
                .Select(i => i.GetProperty("type").GetString())) + ")")
            .ToList();
    }
}
