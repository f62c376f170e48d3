using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EscrowP2P.IntegrationTests.Support;

/// <summary>
/// Runs a test's action while the app reads one trade's row, before the read itself: makes "something happens while
/// the app is looking at this trade" a certainty instead of a lucky timing.
/// </summary>
public sealed partial class TradeReadProbe : DbCommandInterceptor
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
        FromTrades().IsMatch(command.CommandText)
        && command.Parameters.Cast<DbParameter>().Any(p => tradeId.Equals(p.Value as string, StringComparison.Ordinal));

    // SQLite's SQL quotes every table name; PostgreSQL's leaves lower-case names bare.
    [GeneratedRegex("FROM \"?trades\"?\\s")]
    private static partial Regex FromTrades();

    private sealed record Armed(string TradeId, Func<Task> Action);
}
