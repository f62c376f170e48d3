using System.Net.WebSockets;
using System.Text;

namespace EscrowP2P.Chain.Events;

/// <summary>
/// One WebSocket connection with an <c>eth_subscribe ["newHeads"]</c> subscription on it. It ends when the node
/// closes the socket, and fails when the socket breaks or the node stays silent even to a liveness probe.
/// </summary>
internal sealed class NewHeadsSubscription : IDisposable
{
    private const int SubscribeId = 1;
    private const int MaxMessageBytes = 1024 * 1024;

    private readonly ClientWebSocket _socket;
    private readonly WebSocketMessageReader _reader;
    private readonly TimeSpan _idleTimeout;
    private long _nextRequestId = SubscribeId + 1;

    private NewHeadsSubscription(ClientWebSocket socket, TimeSpan idleTimeout)
    {
        _socket = socket;
        _reader = new WebSocketMessageReader(socket, MaxMessageBytes);
        _idleTimeout = idleTimeout;
    }

    /// <summary>Connects and subscribes; returns once the node has confirmed the subscription.</summary>
    public static async Task<NewHeadsSubscription> OpenAsync(Uri endpoint, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        var subscription = new NewHeadsSubscription(new ClientWebSocket(), idleTimeout);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(idleTimeout);
            await subscription.ConnectAndSubscribeAsync(endpoint, timeout.Token);
            return subscription;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            subscription.Dispose();
            throw new TimeoutException($"no subscription within {idleTimeout.TotalSeconds:0.#} s");
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reports every new head until the node closes the socket, and returns why it did. After
    /// <c>idleTimeout</c> without a message it sends a cheap <c>eth_blockNumber</c>; if nothing at all arrives
    /// as long again, the connection is dead and this throws <see cref="TimeoutException"/>. Responses are
    /// otherwise ignored: any message proves the connection alive.
    /// </summary>
    public async Task<string> ReadHeadsAsync(Action<long> onHead, CancellationToken cancellationToken)
    {
        var probeSent = false;
        var read = _reader.ReadAsync(cancellationToken);
        try
        {
            while (true)
            {
                ReadOnlyMemory<byte>? message;
                try
                {
                    // WaitAsync leaves the read running on time-out; cancelling it would abort the socket.
                    message = await read.WaitAsync(_idleTimeout, cancellationToken);
                }
                catch (TimeoutException) when (!probeSent)
                {
                    var probe = $$"""{"jsonrpc":"2.0","id":{{_nextRequestId++}},"method":"eth_blockNumber","params":[]}""";
                    await SendAsync(probe, cancellationToken).WaitAsync(_idleTimeout, cancellationToken);
                    probeSent = true;
                    continue;
                }
                catch (TimeoutException)
                {
                    throw new TimeoutException($"no answer to a liveness probe within {_idleTimeout.TotalSeconds:0.#} s");
                }

                if (message is not { } json) return CloseReason();
                probeSent = false;
                var parsed = NodeMessage.Parse(json);
                if (parsed is { Kind: NodeMessageKind.NewHead, BlockNumber: { } number }) onHead(number);
                read = _reader.ReadAsync(cancellationToken);
            }
        }
        finally
        {
            if (!read.IsCompleted)
            {
                _socket.Abort();
                await read.ContinueWith(static abandoned => _ = abandoned.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    public void Dispose() => _socket.Dispose();

    private async Task ConnectAndSubscribeAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(endpoint, cancellationToken);
        await SendAsync($$"""{"jsonrpc":"2.0","id":{{SubscribeId}},"method":"eth_subscribe","params":["newHeads"]}""", cancellationToken);
        while (true)
        {
            var message = await _reader.ReadAsync(cancellationToken)
                ?? throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, $"closed before subscribing: {CloseReason()}");
            var parsed = NodeMessage.Parse(message);
            if (parsed is not { Kind: NodeMessageKind.Response, ResponseId: SubscribeId }) continue;
            if (parsed.Error is { } error) throw new InvalidOperationException($"eth_subscribe newHeads refused: {error}");
            return;
        }
    }

    private Task SendAsync(string request, CancellationToken cancellationToken) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(request), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private string CloseReason() => _socket.CloseStatusDescription is { Length: > 0 } description
        ? $"closed by the node ({_socket.CloseStatus}: {description})"
        : $"closed by the node ({_socket.CloseStatus?.ToString() ?? "no close status"})";
}
