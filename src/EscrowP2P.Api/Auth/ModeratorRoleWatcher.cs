using EscrowP2P.Api.Hubs;
using EscrowP2P.Chain;
using EscrowP2P.Core.Events;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Api.Auth;

/// <summary>
/// Follows changes to who is a moderator — MODERATOR_ROLE granted or revoked on the escrow, Auth:Moderators reloaded —
/// drops what was cached about them, and closes the hub connections of moderators who lost the role. Role events
/// reach only the instance that ingests them, so every instance also rechecks its connected moderators each
/// Auth:RoleCacheSeconds (at least every second): on the others a revoked moderator's connections close within
/// about twice that.
/// </summary>
public sealed partial class ModeratorRoleWatcher(
    ModeratorRoleCheck moderators,
    ModeratorConnections connections,
    IOptionsMonitor<AuthOptions> options,
    ILogger<ModeratorRoleWatcher> logger) : BackgroundService, IModeratorRoleListener
{
    private IDisposable? _configurationChanges;

    public Task ModeratorRolesChangedAsync(IReadOnlyCollection<string> accounts, CancellationToken cancellationToken)
    {
        moderators.Forget(accounts);
        var connected = connections.Addresses.Intersect(accounts, EthereumAddress.Comparer).ToList();
        return DisconnectFormerModeratorsAsync(connected, cancellationToken);
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _configurationChanges = options.OnChange(_ => RecheckConnectedModerators());
        return base.StartAsync(cancellationToken);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _configurationChanges?.Dispose();
        return base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.RoleCacheSeconds)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await DisconnectFormerModeratorsAsync(connections.Addresses, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    // A change callback cannot be awaited; the check logs its own failures.
    private void RecheckConnectedModerators() => _ = DisconnectFormerModeratorsAsync(connections.Addresses, CancellationToken.None);

    private async Task DisconnectFormerModeratorsAsync(IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        foreach (var address in addresses)
        {
            try
            {
                if (await moderators.IsModeratorAsync(address, cancellationToken)) continue;
                var closed = connections.Abort(address);
                LogDisconnected(address, closed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCheckFailed(e, address);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Address} is no longer a moderator; closed {Count} hub connections")]
    private partial void LogDisconnected(string address, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking whether {Address} is still a moderator failed")]
    private partial void LogCheckFailed(Exception exception, string address);
}
