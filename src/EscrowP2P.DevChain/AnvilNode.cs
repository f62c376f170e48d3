using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace EscrowP2P.DevChain;

/// <summary>
/// A real anvil process on a loopback port. Started with <see cref="StartAsync"/>; disposing it stops the process
/// (gracefully first, so a configured state file is written) and never leaves it running.
/// </summary>
public sealed partial class AnvilNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly OutputTail _output;
    private int _stopped;

    private AnvilNode(Process process, OutputTail output, int port, long chainId)
    {
        _process = process;
        _output = output;
        Port = port;
        ChainId = chainId;
        AppDomain.CurrentDomain.ProcessExit += KillOnHostExit;
    }

    public int Port { get; }
    public long ChainId { get; }
    public string RpcUrl => $"http://127.0.0.1:{Port}";
    public string WebSocketUrl => $"ws://127.0.0.1:{Port}";
    public bool HasExited => _process.HasExited;

    public static async Task<AnvilNode> StartAsync(AnvilOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AnvilOptions();
        var anvil = await ContractToolchain.EnsureAnvilAsync(cancellationToken);
        var start = new ProcessStartInfo(anvil)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(options)) start.ArgumentList.Add(argument);

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {anvil}");
        var output = new OutputTail();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            output.Add(e.Data);
            var match = ListeningLine().Match(e.Data);
            if (match.Success) listening.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Add(e.Data); };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(
            new InvalidOperationException($"anvil exited during start-up with code {process.ExitCode}:\n{output}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var port = await listening.Task.WaitAsync(StartTimeout, cancellationToken);
            return new AnvilNode(process, output, port, options.ChainId);
        }
        catch
        {
            KillQuietly(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Stops the node, gracefully first (anvil writes its state file on SIGTERM).</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        AppDomain.CurrentDomain.ProcessExit -= KillOnHostExit;
        try
        {
            if (!_process.HasExited)
            {
                _ = SendSigterm(_process.Id, 15);
                using var timeout = new CancellationTokenSource(GracefulStopTimeout);
                try
                {
                    await _process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    KillQuietly(_process);
                    await _process.WaitForExitAsync();
                }
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>Kills the node at once, as a crash would: no state is written.</summary>
    public async Task KillAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        AppDomain.CurrentDomain.ProcessExit -= KillOnHostExit;
        KillQuietly(_process);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    public string RecentOutput => _output.ToString();

    private static IEnumerable<string> Arguments(AnvilOptions options)
    {
        yield return "--host";
        yield return "127.0.0.1";
        yield return "--port";
        yield return options.Port.ToString(CultureInfo.InvariantCulture);
        yield return "--chain-id";
        yield return options.ChainId.ToString(CultureInfo.InvariantCulture);
        if (options.BlockTimeSeconds is { } blockTime)
        {
            yield return "--block-time";
            yield return blockTime.ToString(CultureInfo.InvariantCulture);
        }
        if (options.StatePath is { } statePath)
        {
            yield return "--state";
            yield return statePath;
        }
        if (options.StateIntervalSeconds is { } interval)
        {
            yield return "--state-interval";
            yield return interval.ToString(CultureInfo.InvariantCulture);
        }
    }

    private void KillOnHostExit(object? sender, EventArgs e) => KillQuietly(_process);

    private static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int SendSigterm(int pid, int signal);

    [GeneratedRegex(@"Listening on [\d.]+:(\d+)")]
    private static partial Regex ListeningLine();

    /// <summary>The last lines anvil printed, kept for error messages.</summary>
    private sealed class OutputTail
    {
        private const int Capacity = 50;
        private readonly Queue<string> _lines = new();

        public void Add(string line)
        {
            lock (_lines)
            {
                _lines.Enqueue(line);
                if (_lines.Count > Capacity) _lines.Dequeue();
            }
        }

        public override string ToString()
        {
            lock (_lines) return string.Join('\n', _lines);
        }
    }
}
