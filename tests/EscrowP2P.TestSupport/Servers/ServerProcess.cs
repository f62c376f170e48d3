using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace EscrowP2P.TestSupport.Servers;

/// <summary>
/// A real server process started by a test: its output is kept for error messages, it is killed when the test host
/// exits, and stopping it (gracefully or like a crash) never leaves it running.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(10);
    private const int Sigterm = 15;
    private const int Sigkill = 9;

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private int _stopped;

    private ServerProcess(Process process, string name)
    {
        _process = process;
        Name = name;
        AppDomain.CurrentDomain.ProcessExit += KillOnHostExit;
    }

    public string Name { get; }
    public int Id => _process.Id;
    public bool HasExited => Volatile.Read(ref _stopped) == 1 || _process.HasExited;

    /// <summary>
    /// Starts <paramref name="fileName"/>; as <paramref name="runAsUser"/> through runuser when the tests run as root
    /// and the server refuses root (PostgreSQL does).
    /// </summary>
    public static ServerProcess Start(string name, string fileName, IEnumerable<string> arguments, string? runAsUser = null,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = StartInfo(fileName, arguments, runAsUser);
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var server = new ServerProcess(process, name);
        process.OutputDataReceived += (_, e) => server.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => server.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>
    /// How to start <paramref name="fileName"/> with its output redirected: through runuser as
    /// <paramref name="runAsUser"/> when running as root.
    /// </summary>
    public static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, string? runAsUser = null)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (runAsUser is not null && Environment.UserName == "root")
        {
            start.FileName = "runuser";
            foreach (var argument in new[] { "-u", runAsUser, "--", fileName }) start.ArgumentList.Add(argument);
        }
        else
        {
            start.FileName = fileName;
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>Runs a short-lived program (set-up, not a server) to its end; fails with what it printed unless it exits 0.</summary>
    public static async Task<string> RunToCompletionAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{start.FileName} failed with code {process.ExitCode}:\n{await output}\n{await error}");
    }

    /// <summary>The last lines the server printed.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output) return string.Join('\n', _output);
        }
    }

    /// <summary>Completes once the server accepts TCP connections on the loopback port; fails if it exits first.</summary>
    public async Task WaitForPortAsync(int port, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}:\n{RecentOutput}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, deadline.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Name} did not listen on port {port} within {timeout}:\n{RecentOutput}");
            }
        }
    }

    /// <summary>SIGTERM, then SIGKILL if it has not exited in time.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        AppDomain.CurrentDomain.ProcessExit -= KillOnHostExit;
        try
        {
            if (!_process.HasExited)
            {
                _ = Signal(_process.Id, Sigterm);
                using var timeout = new CancellationTokenSource(GracefulStopTimeout);
                try
                {
                    await _process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    KillTree();
                    await _process.WaitForExitAsync();
                }
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>SIGKILL at once, as a crash or `kill -9` would.</summary>
    public async Task KillAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        AppDomain.CurrentDomain.ProcessExit -= KillOnHostExit;
        _ = Signal(_process.Id, Sigkill);
        await _process.WaitForExitAsync();
        KillTree();
        _process.Dispose();
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > 80) _output.Dequeue();
        }
    }

    private void KillOnHostExit(object? sender, EventArgs e) => KillTree();

    private void KillTree()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Signal(int pid, int signal);
}
