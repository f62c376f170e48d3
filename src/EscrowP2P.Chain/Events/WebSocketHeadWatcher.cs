using EscrowP2P.Chain.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Chain.Events;

/// <summary>
/// Follows new heads over the node's WebSocket (<see cref="ChainOptions.WebSocketUrl"/>) and reports each to the
/// <see cref="ChainHeadSignal"/>. A broken, closed or silent connection is dropped and reopened with back-off
/// until the host stops. Without a WebSocket URL it does nothing, and waiters fall back to their poll interval.
/// </summary>
public sealed partial class WebSocketHeadWatcher(
    IOptions<ChainOptions> options,
    ChainHeadSignal signal,
    ILogger<WebSocketHeadWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    private readonly ChainOptions _options = options.Value;
    private volatile bool _connected;
    private long _lastHeadAtTicks;

    /// <summary>True while a confirmed subscription is open.</summary>
    public bool IsConnected => _connected;

    /// <summary>When the last head notification arrived (UTC); null before the first.</summary>
    public DateTimeOffset? LastHeadAt =>
        Interlocked.Read(ref _lastHeadAtTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(_options.WebSocketUrl))
        {
            LogDisabled();
            return;
        }
        if (!Uri.TryCreate(_options.WebSocketUrl, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("ws" or "wss"))
        {
            LogInvalidUrl();
            return;
        }

        var loggedEndpoint = $"{endpoint.Scheme}://{endpoint.Host}:{endpoint.Port}";
        var idleTimeout = TimeSpan.FromSeconds(_options.WebSocketIdleTimeoutSeconds);
        var backoff = new ReconnectBackoff(FirstRetryDelay, MaxRetryDelay);
        while (!stoppingToken.IsCancellationRequested)
        {
            var subscribed = false;
            try
            {
                using var subscription = await NewHeadsSubscription.OpenAsync(endpoint, idleTimeout, stoppingToken);
                _connected = subscribed = true;
                backoff.Reset();
                LogConnected(loggedEndpoint);
                var reason = await subscription.ReadHeadsAsync(OnHead, stoppingToken);
                LogDisconnected(loggedEndpoint, reason);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) // whatever broke the connection, the answer is to reconnect
            {
                if (subscribed) LogDisconnected(loggedEndpoint, Describe(exception));
                else LogConnectFailed(loggedEndpoint, Describe(exception));
            }
            finally
            {
                _connected = false;
            }

            var delay = backoff.NextDelay();
            LogReconnecting(loggedEndpoint, (long)delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        LogStopped(loggedEndpoint);
    }

    private void OnHead(long blockNumber)
    {
        Interlocked.Exchange(ref _lastHeadAtTicks, DateTimeOffset.UtcNow.UtcTicks);
        signal.Notify(blockNumber);
    }

    // Exception messages name host and port at most, never the URL's path, query or credentials.
    private static string Describe(Exception exception) =>
        exception.InnerException is { } inner
            ? $"{exception.GetType().Name}: {exception.Message} ({inner.GetType().Name}: {inner.Message})"
            : $"{exception.GetType().Name}: {exception.Message}";

    [LoggerMessage(Level = LogLevel.Information, Message = "No Chain:WebSocketUrl configured; new heads are found by polling")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Error, Message = "Chain:WebSocketUrl is not a ws:// or wss:// URL; new heads are found by polling")]
    private partial void LogInvalidUrl();

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscribed to new heads at {Endpoint}")]
    private partial void LogConnected(string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to new heads at {Endpoint}: {Reason}")]
    private partial void LogConnectFailed(string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "New-head subscription at {Endpoint} lost: {Reason}")]
    private partial void LogDisconnected(string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting to {Endpoint} in {DelayMs} ms")]
    private partial void LogReconnecting(string endpoint, long delayMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped following new heads at {Endpoint}")]
    private partial void LogStopped(string endpoint);
}
