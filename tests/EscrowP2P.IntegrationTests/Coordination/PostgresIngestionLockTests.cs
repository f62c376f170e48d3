using System.Diagnostics;
using EscrowP2P.Api.Coordination;
using EscrowP2P.Core.Events;
using EscrowP2P.TestSupport.Servers;
using Npgsql;

namespace EscrowP2P.IntegrationTests.Coordination;

/// <summary>Ingestion leadership on a real PostgreSQL: one holder at a time, and a follower takes over when the holder's session ends.</summary>
public sealed class PostgresIngestionLockTests : IAsyncLifetime
{
    private PostgresServer _server = null!;
    private string _database = "";

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.SharedAsync();
        _database = await _server.CreateDatabaseAsync();
    }

    public Task DisposeAsync() => _server.DropDatabaseAsync(_database);

    [Fact]
    public async Task Only_one_instance_holds_the_ingestion_lock_and_another_takes_it_once_released()
    {
        var first = new PostgresIngestionLock(_database);
        var second = new PostgresIngestionLock(_database);

        var leader = await first.TryAcquireAsync(CancellationToken.None);
        var refused = await second.TryAcquireAsync(CancellationToken.None);
        await leader!.DisposeAsync();
        await using var successor = await second.TryAcquireAsync(CancellationToken.None);

        leader.ShouldNotBeNull();
        refused.ShouldBeNull();
        successor.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_leader_whose_session_is_terminated_learns_it_at_once_and_a_follower_takes_over()
    {
        await using var leader = await new PostgresIngestionLock(_database).TryAcquireAsync(CancellationToken.None);
        var follower = new PostgresIngestionLock(_database);
        (await follower.TryAcquireAsync(CancellationToken.None)).ShouldBeNull();
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        leader!.Lost.Register(() => lost.TrySetResult());

        var terminated = await TerminateLockHolderAsync();
        await lost.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await using var successor = await follower.TryAcquireAsync(CancellationToken.None);

        terminated.ShouldBe(1);
        successor.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_killed_leader_process_frees_the_lock_for_a_follower()
    {
        var key = PostgresIngestionLock.Key.ToString();
        var builder = new NpgsqlConnectionStringBuilder(_database);
        // Another process holds the lock in an idle session, as a leader does between batches, and is killed like a
        // crashed instance (SIGKILL).
        using var holder = Process.Start(new ProcessStartInfo("psql",
        [
            "-v", "ON_ERROR_STOP=1", "-h", builder.Host!, "-p", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", "postgres", "-d", builder.Database!,
        ]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true })!;
        await holder.StandardInput.WriteLineAsync($"SELECT pg_advisory_lock(x'{key}'::bigint);");
        await holder.StandardInput.FlushAsync();
        var follower = new PostgresIngestionLock(_database);
        await WaitUntilAsync(async () => holder.HasExited ? throw new InvalidOperationException("psql exited: " + await holder.StandardError.ReadToEndAsync()) : await HeldAdvisoryLocksAsync() == 1);
        (await follower.TryAcquireAsync(CancellationToken.None)).ShouldBeNull();

        holder.Kill(entireProcessTree: true);
        await holder.WaitForExitAsync();
        await WaitUntilAsync(async () => await HeldAdvisoryLocksAsync() == 0);
        await using var successor = await follower.TryAcquireAsync(CancellationToken.None);

        successor.ShouldNotBeNull();
    }

    /// <summary>Ends the session holding the ingestion lock, as an administrator or a dropped connection would.</summary>
    private async Task<int> TerminateLockHolderAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid))::int FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> HeldAdvisoryLocksAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }
}
