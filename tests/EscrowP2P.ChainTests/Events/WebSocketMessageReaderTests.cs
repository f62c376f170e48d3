using System.Net.WebSockets;
using System.Text;
using EscrowP2P.Chain.Events;
using EscrowP2P.ChainTests.Support;

namespace EscrowP2P.ChainTests.Events;

public class WebSocketMessageReaderTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_message_sent_in_several_frames_is_read_whole()
    {
        using var pair = await LoopbackWebSocketPair.OpenAsync();
        var reader = new WebSocketMessageReader(pair.Client, maxMessageBytes: 1024);

        await SendFramesAsync(pair.Server, """{"jsonrpc":"2.0",""", "\"id\":2,", "\"result\":\"0x10\"}");

        var message = await ReadAsync(reader);
        Encoding.UTF8.GetString(message.ShouldNotBeNull().Span).ShouldBe("""{"jsonrpc":"2.0","id":2,"result":"0x10"}""");
    }

    [Fact]
    public async Task A_message_longer_than_the_read_buffer_is_read_whole_and_the_next_one_after_it()
    {
        using var pair = await LoopbackWebSocketPair.OpenAsync();
        var reader = new WebSocketMessageReader(pair.Client, maxMessageBytes: 1024 * 1024);
        var large = $$"""{"padding":"{{new string('a', 100_000)}}"}""";

        await SendFramesAsync(pair.Server, large);
        await SendFramesAsync(pair.Server, "{}");

        Encoding.UTF8.GetString((await ReadAsync(reader)).ShouldNotBeNull().Span).ShouldBe(large);
        Encoding.UTF8.GetString((await ReadAsync(reader)).ShouldNotBeNull().Span).ShouldBe("{}");
    }

    [Fact]
    public async Task A_message_over_the_size_limit_throws()
    {
        using var pair = await LoopbackWebSocketPair.OpenAsync();
        var reader = new WebSocketMessageReader(pair.Client, maxMessageBytes: 10_000);

        await SendFramesAsync(pair.Server, new string('x', 6_000), new string('x', 6_000));

        await Should.ThrowAsync<WebSocketException>(() => ReadAsync(reader));
    }

    [Fact]
    public async Task A_binary_message_throws()
    {
        using var pair = await LoopbackWebSocketPair.OpenAsync();
        var reader = new WebSocketMessageReader(pair.Client, maxMessageBytes: 1024);

        await pair.Server.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);

        await Should.ThrowAsync<WebSocketException>(() => ReadAsync(reader));
    }

    [Fact]
    public async Task A_close_from_the_peer_reads_as_null()
    {
        using var pair = await LoopbackWebSocketPair.OpenAsync();
        var reader = new WebSocketMessageReader(pair.Client, maxMessageBytes: 1024);

        await pair.Server.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "shutting down", CancellationToken.None);

        (await ReadAsync(reader)).ShouldBeNull();
        pair.Client.CloseStatus.ShouldBe(WebSocketCloseStatus.EndpointUnavailable);
    }

    private static Task<ReadOnlyMemory<byte>?> ReadAsync(WebSocketMessageReader reader) =>
        reader.ReadAsync(CancellationToken.None).WaitAsync(Guard);

    private static async Task SendFramesAsync(WebSocket socket, params string[] frames)
    {
        for (var i = 0; i < frames.Length; i++)
        {
            var last = i == frames.Length - 1;
            await socket.SendAsync(Encoding.UTF8.GetBytes(frames[i]), WebSocketMessageType.Text, last, CancellationToken.None);
        }
    }
}
