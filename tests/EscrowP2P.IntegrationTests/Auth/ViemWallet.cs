using System.Globalization;
using System.Text.Json;
using EscrowP2P.DevChain;
using EscrowP2P.IntegrationTests.Support;

namespace EscrowP2P.IntegrationTests.Auth;

/// <summary>
/// Runs wallet/sign.mjs: viem's <c>createSiweMessage</c> and <c>signMessage</c>, the code a browser dapp runs. Installs
/// the pinned packages (wallet/package-lock.json) on first use.
/// </summary>
public static class ViemWallet
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan SignTimeout = TimeSpan.FromMinutes(1);

    private static string Directory { get; } = FindWalletDirectory();

    public static async Task<SignedSiweMessage> SignInMessageAsync(
        DevAccount account, string nonce, string domain, string uri, long chainId, string? statement = null)
    {
        await EnsureInstalledAsync();
        List<string> arguments =
        [
            "sign.mjs",
            "--private-key", account.PrivateKey,
            "--nonce", nonce,
            "--domain", domain,
            "--uri", uri,
            "--chain-id", chainId.ToString(CultureInfo.InvariantCulture),
        ];
        if (statement is not null) arguments.AddRange(["--statement", statement]);

        var output = await RunAsync("node", arguments, SignTimeout);
        return JsonSerializer.Deserialize<SignedSiweMessage>(output, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("sign.mjs printed nothing");
    }

    private static async Task EnsureInstalledAsync()
    {
        // Test classes run in parallel: one `npm ci` at a time, and none once the packages are there.
        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(Directory, "node_modules", "viem", "package.json")))
            {
                await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], InstallTimeout);
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<string> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var result = await NodeProcess.RunAsync(Directory, program, arguments, timeout);
        return result.ExitCode == 0
            ? result.StandardOutput
            : throw new InvalidOperationException($"{program} in {Directory} failed ({result.ExitCode}): {result.StandardError}");
    }

    private static string FindWalletDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "EscrowP2P.IntegrationTests", "Auth", "wallet");
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }
        throw new InvalidOperationException("tests/EscrowP2P.IntegrationTests/Auth/wallet not found above " + AppContext.BaseDirectory);
    }
}

public sealed record SignedSiweMessage(string Message, string Signature);
