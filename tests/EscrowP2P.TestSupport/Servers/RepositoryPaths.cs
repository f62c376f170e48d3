using System.Reflection;
using EscrowP2P.DevChain;

namespace EscrowP2P.TestSupport.Servers;

/// <summary>Where the built programs and deployment files of this checkout are.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = Path.GetDirectoryName(ContractToolchain.ContractsDirectory)!;

    /// <summary>The build configuration the tests were built in (Debug or Release); the programs they start match it.</summary>
    private static string Configuration { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>A project's built program under src/, e.g. EscrowP2P.Api → src/EscrowP2P.Api/bin/Debug/net10.0/EscrowP2P.Api.dll.</summary>
    public static string BuiltProgram(string project)
    {
        var path = Path.Combine(Root, "src", project, "bin", Configuration, "net10.0", project + ".dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is not built; build EscrowP2P.sln first.");
    }
}
