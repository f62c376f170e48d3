using EscrowP2P.Api.Hubs;
using EscrowP2P.Chain;
using EscrowP2P.Core.Events;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Api.Auth;

/// <summary>
/// Follows changes to who is a moderator — MODERATOR_ROLE granted or revoked on the escrow, Auth:Moderators reloaded —
/// drops what was cached about them, and closes the hub connections of moderators who lost the role.
/// </summary>
public sealed partial class ModeratorRoleWatcher(
    ModeratorRoleCheck moderators,
    ModeratorConnections connections,
    IOptionsMonitor<AuthOptions> options,
    ILogger<ModeratorRoleWatcher> logger) : IModeratorRoleListener, IHostedService
{
    private IDisposable? _configurationChanges;

    public Task ModeratorRolesChangedAsync(IReadOnlyCollection<string> accounts, CancellationToken cancellationToken)
    {
        moderators.Forget(accounts);
        var connected = connections.Addresses.Intersect(accounts, EthereumAddress.Comparer).ToList();
        return DisconnectFormerModeratorsAsync(connected, cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _configurationChanges = options.OnChange(_ => RecheckConnectedModerators());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _configurationChanges?.Dispose();
        return Task.CompletedTask;
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
