using System.Globalization;

namespace EscrowP2P.TestSupport.Servers;

/// <summary>
/// A real Redis server (redis-server from the machine's packages, installed by the test script) on a free loopback
/// port, keeping nothing on disk. It can be killed and started again on the same port, as an outage would.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string Binary = "/usr/bin/redis-server";
    private ServerProcess? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }
    public string ConnectionString => $"127.0.0.1:{Port}";
    public bool IsRunning => _process is { HasExited: false };

    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException(
                $"{Binary} was not found. The test command (scripts/test.sh) installs the Debian package redis-server; install it, "
                + "or run the tests through that command.");
        }
        var server = new RedisServer(FreeTcpPort.Next());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server on its port (again, after <see cref="KillAsync"/>): empty, as after a crash.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException("redis is running");
        _process = ServerProcess.Start("redis-server", Binary,
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--protected-mode", "no",
        ]);
        await _process.WaitForPortAsync(Port, TimeSpan.FromSeconds(30));
    }

    /// <summary>Kills the server at once (SIGKILL): every connection to it drops.</summary>
    public async Task KillAsync()
    {
        if (_process is not null) await _process.KillAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null) await _process.StopAsync();
    }
}
