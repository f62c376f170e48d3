using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EscrowP2P.IntegrationTests.Support;

/// <summary>
/// Runs a test's action while the app reads one trade's row, before the read itself: makes "something happens while
/// the app is looking at this trade" a certainty instead of a lucky timing.
/// </summary>
public sealed class TradeReadProbe : DbCommandInterceptor
{
    private volatile Armed? _armed;
    private int _fired;

    public int Fired => Volatile.Read(ref _fired);

    public void Arm(string tradeId, Func<Task> action) => _armed = new Armed(tradeId, action);

    public void Disarm() => _armed = null;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_armed is { } armed && ReadsTrade(command, armed.TradeId))
        {
            Interlocked.Increment(ref _fired);
            await armed.Action();
        }
        return result;
    }

    private static bool ReadsTrade(DbCommand command, string tradeId) =>
        command.CommandText.Contains("FROM \"trades\"", StringComparison.Ordinal)
        && command.Parameters.Cast<DbParameter>().Any(p => tradeId.Equals(p.Value as string, StringComparison.Ordinal));

    private sealed record Armed(string TradeId, Func<Task> Action);
}
