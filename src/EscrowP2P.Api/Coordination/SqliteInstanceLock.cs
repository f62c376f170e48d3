using Microsoft.Data.Sqlite;

namespace EscrowP2P.Api.Coordination;

/// <summary>
/// Keeps a SQLite database to one process: an exclusive lock on a file beside it, taken at start-up and held until
/// the app stops. A second instance on the same file would run a second event ingester, so it refuses to start.
/// </summary>
public sealed class SqliteInstanceLock : IDisposable
{
    private FileStream? _held;

    /// <summary>The database file a connection string names; null for an in-memory database.</summary>
    public static string? DatabaseFile(string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrWhiteSpace(source) || source == ":memory:") return null;
        return Path.GetFullPath(source);
    }

    public void Claim(string databaseFile)
    {
        var lockFile = databaseFile + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) that the system drops when the process dies.
            _held = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"The SQLite database {databaseFile} is in use by another instance of this service (it holds the lock file {lockFile}). "
                + "SQLite serves one instance only: use PostgreSQL (Database:Provider=Postgres) to run several instances.", ex);
        }
    }

    public void Dispose() => _held?.Dispose();
}
