using EscrowP2P.IntegrationTests.Support;

namespace EscrowP2P.IntegrationTests.Clients;

/// <summary>clients/typescript: the npm package frontends generate their client from; its pinned packages are installed on first use.</summary>
public static class TypeScriptPackage
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    public static string Directory { get; } = Find();

    public static string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    public static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(PathOf("node_modules/typescript/package.json")))
            {
                var install = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], InstallTimeout);
                if (install.ExitCode != 0) throw new InvalidOperationException($"npm ci failed ({install.ExitCode}): {install.Output}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>Runs a program in the package's folder; the result holds its exit code and everything it printed.</summary>
    public static Task<ProcessResult> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout) =>
        NodeProcess.RunAsync(Directory, program, arguments, timeout);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "clients", "typescript");
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }
        throw new InvalidOperationException("clients/typescript not found above " + AppContext.BaseDirectory);
    }
}
