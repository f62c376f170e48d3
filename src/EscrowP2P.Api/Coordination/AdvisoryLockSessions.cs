using Npgsql;

namespace EscrowP2P.Api.Coordination;

/// <summary>The database sessions that hold advisory locks.</summary>
public static class AdvisoryLockSessions
{
    /// <summary>
    /// The store's connection string for lock sessions. PostgreSQL notices a client that went away only when it next
    /// reads from its socket, and a lock session is mostly busy in the query that watches it: without a check, the lock
    /// of a killed instance would outlive it until that query ends. client_connection_check_interval (PostgreSQL 14+)
    /// has the server check the socket every second while a query runs, so a dead leader's lock goes within about one.
    /// </summary>
    public static string ConnectionString(string storeConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(storeConnectionString);
        builder.Options = $"{builder.Options} -c client_connection_check_interval=1000".Trim();
        return builder.ConnectionString;
    }
}
