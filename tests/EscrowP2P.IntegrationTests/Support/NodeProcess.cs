using System.Diagnostics;

namespace EscrowP2P.IntegrationTests.Support;

/// <summary>What a Node.js tool printed and how it ended.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Everything it printed, for failure messages.</summary>
    public string Output => (StandardOutput + StandardError).Trim();
}

/// <summary>Runs Node.js tools (node, npm, npx) of the repository's npm packages, as their own folders' scripts.</summary>
public static class NodeProcess
{
    public static async Task<ProcessResult> RunAsync(string directory, string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started; install Node.js 20+.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeLimit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timeLimit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} in {directory} did not finish within {timeout}");
        }
        return new ProcessResult(process.ExitCode, await output, await errors);
    }
}
