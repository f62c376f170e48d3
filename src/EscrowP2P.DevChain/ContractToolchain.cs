using System.Diagnostics;

namespace EscrowP2P.DevChain;

/// <summary>
/// The pinned npm toolchain in contracts/ (anvil, solc-js). The build restores it (see EscrowP2P.DevChain.csproj);
/// this finds it at run time and, when a checkout has never been built that way, installs it.
/// </summary>
public static class ContractToolchain
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>The repository's contracts/ folder, searched upwards from the working directory and the app's folder.</summary>
    public static string ContractsDirectory { get; } = FindContractsDirectory();

    public static string AnvilPath => Path.Combine(ContractsDirectory, "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");

    public static async Task<string> EnsureAnvilAsync(CancellationToken cancellationToken = default)
    {
        if (File.Exists(AnvilPath)) return AnvilPath;
        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(AnvilPath)) await RunNpmCiAsync(cancellationToken);
        }
        finally
        {
            InstallLock.Release();
        }
        return File.Exists(AnvilPath)
            ? AnvilPath
            : throw new InvalidOperationException($"anvil was not installed at {AnvilPath}; run `npm ci` in {ContractsDirectory}.");
    }

    private static async Task RunNpmCiAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund")
        {
            WorkingDirectory = ContractsDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started; install Node.js 20+.");
        var output = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = npm.StandardError.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"`npm ci` in {ContractsDirectory} failed ({npm.ExitCode}): {await errors}{await output}");
        }
    }

    private static string FindContractsDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "contracts");
                if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
            }
        }
        return Path.Combine(Directory.GetCurrentDirectory(), "contracts");
    }
}
