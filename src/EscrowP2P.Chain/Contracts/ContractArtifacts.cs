using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace EscrowP2P.Chain.Contracts;

/// <summary>
/// The compiled contracts (contracts/artifacts/*.json), embedded in this assembly at build time so that bytecode
/// and ABI always come from the same reproducible build.
/// </summary>
public static class ContractArtifacts
{
    private static readonly ConcurrentDictionary<string, ContractArtifact> Cache = new();

    public static ContractArtifact Get(string contractName) => Cache.GetOrAdd(contractName, Load);

    public static string Bytecode(string contractName) => Get(contractName).Bytecode;

    private static ContractArtifact Load(string contractName)
    {
        var assembly = typeof(ContractArtifacts).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Artifacts.{contractName}.json")
            ?? throw new InvalidOperationException($"No compiled artifact for contract '{contractName}'.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        return new ContractArtifact(
            contractName,
            root.GetProperty("abi").GetRawText(),
            root.GetProperty("bytecode").GetString()!);
    }

    public static IReadOnlyList<string> Names() =>
        typeof(ContractArtifacts).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("Artifacts.", StringComparison.Ordinal))
            .Select(name => name["Artifacts.".Length..^".json".Length])
            .Order(StringComparer.Ordinal)
            .ToList();
}

public sealed record ContractArtifact(string Name, string AbiJson, string Bytecode);
