using System.Buffers;
using System.Net.WebSockets;

namespace EscrowP2P.Chain.Events;

/// <summary>Reads whole text messages from a WebSocket, however many frames each one arrives in.</summary>
internal sealed class WebSocketMessageReader(WebSocket socket, int maxMessageBytes)
{
    private const int FrameBufferBytes = 4096;
    private readonly ArrayBufferWriter<byte> _message = new(FrameBufferBytes);

    /// <summary>
    /// The next message, valid until the following call; null when the peer closes the socket.
    /// Throws <see cref="WebSocketException"/> for a binary message or one over the size limit.
    /// </summary>
    public async Task<ReadOnlyMemory<byte>?> ReadAsync(CancellationToken cancellationToken)
    {
        _message.ResetWrittenCount();
        while (true)
        {
            var result = await socket.ReceiveAsync(_message.GetMemory(FrameBufferBytes), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            if (result.MessageType != WebSocketMessageType.Text)
            {
                throw new WebSocketException(WebSocketError.InvalidMessageType, "expected a JSON text message, got a binary one");
            }
            _message.Advance(result.Count);
            if (_message.WrittenCount > maxMessageBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, $"message longer than {maxMessageBytes} bytes");
            }
            if (result.EndOfMessage) return _message.WrittenMemory;
        }
    }
}
