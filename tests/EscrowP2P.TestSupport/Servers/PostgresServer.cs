using System.Diagnostics;
using Npgsql;

namespace EscrowP2P.TestSupport.Servers;

/// <summary>
/// A real PostgreSQL server from the machine's packages (postgresql, installed by the test script), in a fresh
/// data folder on a free loopback port, trusting local connections. Started once per test assembly through
/// <see cref="SharedAsync"/>; each test class creates its own database in it.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private static readonly SemaphoreSlim SharedLock = new(1, 1);
    private static PostgresServer? _shared;

    private readonly ServerProcess _process;
    private readonly string _dataDirectory;
    private Process? _reaper;

    private PostgresServer(ServerProcess process, string dataDirectory, int port)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server all test classes of this test run share; stopped when the test host exits.</summary>
    public static async Task<PostgresServer> SharedAsync()
    {
        await SharedLock.WaitAsync();
        try
        {
            if (_shared is null)
            {
                _shared = await StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _shared.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            return _shared;
        }
        finally
        {
            SharedLock.Release();
        }
    }

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = BinaryFolder();
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"escrowp2p-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        if (Environment.UserName == "root") await RunAsync("chown", [ServiceUser, dataDirectory]);
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"], ServiceUser);

        var port = FreeTcpPort.Next();
        var process = ServerProcess.Start("postgres", Path.Combine(bin, "postgres"),
        [
            "-D", dataDirectory, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={dataDirectory}",
            "-c", "max_connections=400", "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off",
        ], ServiceUser);
        var server = new PostgresServer(process, dataDirectory, port);
        try
        {
            await process.WaitForPortAsync(port, TimeSpan.FromSeconds(60));
            await server.WaitUntilAcceptingQueriesAsync();
            server._reaper = StartReaper(await PostmasterIdAsync(dataDirectory), dataDirectory);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database }.ConnectionString;

    /// <summary>Creates an empty database with a fresh name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "escrowp2p")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever is still connected to it.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _process.StopAsync();
        if (_reaper is { HasExited: false }) _reaper.Kill();
        _reaper?.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying child process; the temporary folder is cleaned by the system.
        }
    }

    private async Task WaitUntilAcceptingQueriesAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
                await connection.OpenAsync(deadline.Token);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.CannotConnectNow && !deadline.IsCancellationRequested)
            {
                await Task.Delay(50, deadline.Token);
            }
        }
    }

    /// <summary>
    /// Shuts the server down and removes its folder once the test host is gone, however it went: a test runner may kill
    /// its host before any exit handler runs, and the server (behind runuser) would outlive it. The shell reads its standard
    /// input until the host's end of the pipe closes, which happens when the host exits, whichever way.
    /// </summary>
    private static Process StartReaper(int postmasterId, string dataDirectory)
    {
        var start = new ProcessStartInfo("sh") { RedirectStandardInput = true, UseShellExecute = false };
        const string script = "cat >/dev/null; kill -QUIT \"$1\" 2>/dev/null; while kill -0 \"$1\" 2>/dev/null; do sleep 0.1; done; rm -rf \"$2\"";
        foreach (var argument in new[] { "-c", script, "postgres-reaper", postmasterId.ToString(System.Globalization.CultureInfo.InvariantCulture), dataDirectory })
        {
            start.ArgumentList.Add(argument);
        }
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the PostgreSQL reaper");
    }

    /// <summary>The postmaster's own process id (the started process is runuser when the tests run as root).</summary>
    private static async Task<int> PostmasterIdAsync(string dataDirectory)
    {
        var firstLine = (await File.ReadAllLinesAsync(Path.Combine(dataDirectory, "postmaster.pid")))[0];
        return int.Parse(firstLine, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/&lt;version&gt;/bin).</summary>
    private static string BinaryFolder()
    {
        const string root = "/usr/lib/postgresql";
        var folder = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "postgres")) && File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
                .FirstOrDefault()
            : null;
        return folder ?? throw new InvalidOperationException(
            "PostgreSQL's server binaries were not found under /usr/lib/postgresql. The test command (scripts/test.sh) installs "
            + "the Debian package postgresql; install it, or run the tests through that command.");
    }

    private static Task<string> RunAsync(string fileName, string[] arguments, string? runAsUser = null) =>
        ServerProcess.RunToCompletionAsync(ServerProcess.StartInfo(fileName, arguments, runAsUser));
}
