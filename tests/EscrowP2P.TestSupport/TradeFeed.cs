using System.Threading.Channels;
using EscrowP2P.Core.Trades;
using EscrowP2P.DevChain;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace EscrowP2P.TestSupport;

/// <summary>A browser's view of the hub: a real SignalR client connected with the user's JWT, recording every update as sent.</summary>
public sealed class TradeFeed : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly Channel<TradeUpdate> _updates = Channel.CreateUnbounded<TradeUpdate>();

    private TradeFeed(HubConnection connection)
    {
        Connection = connection;
        connection.On<TradeUpdate>("TradeUpdated", update => _updates.Writer.TryWrite(update));
    }

    public HubConnection Connection { get; }

    /// <summary>
    /// Connects as <paramref name="account"/> to the app, or to another instance of it at <paramref name="instance"/>;
    /// with <paramref name="skipNegotiation"/> straight over a WebSocket, as clients behind a proxy without sticky
    /// sessions must.
    /// </summary>
    public static async Task<TradeFeed> ConnectAsync(EscrowApiFixture app, DevAccount account, Uri? instance = null, bool skipNegotiation = false) =>
        await ConnectAsync(instance ?? app.BaseAddress, await app.AccessTokenForAsync(account), skipNegotiation);

    /// <summary>Connects with <paramref name="accessToken"/> to the hub of the server at <paramref name="server"/> (an instance or a proxy).</summary>
    public static async Task<TradeFeed> ConnectAsync(Uri server, string accessToken, bool skipNegotiation = false)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/trades"), skipNegotiation ? HttpTransportType.WebSockets : HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling, options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                options.SkipNegotiation = skipNegotiation;
            })
            .Build();
        var feed = new TradeFeed(connection);
        await connection.StartAsync();
        return feed;
    }

    public Task<TradeSnapshot> JoinAsync(string tradeId, long? afterSeq = null) =>
        Connection.InvokeAsync<TradeSnapshot>("JoinTrade", tradeId, afterSeq);

    /// <summary>The next update that matches, skipping others (the time limit only guards against a hang).</summary>
    public async Task<TradeUpdate> NextAsync(Func<TradeUpdate, bool> match)
    {
        using var guard = new CancellationTokenSource(Patience);
        while (true)
        {
            var update = await _updates.Reader.ReadAsync(guard.Token);
            if (match(update)) return update;
        }
    }

    public Task<TradeUpdate> NextEventAsync(string tradeId, string eventName, string kind = TradeUpdate.EventKind) =>
        NextAsync(u => u.TradeId == tradeId && u.Event.Name == eventName && u.Kind == kind);

    /// <summary>Everything received so far, without waiting.</summary>
    public IReadOnlyList<TradeUpdate> Drain()
    {
        var received = new List<TradeUpdate>();
        while (_updates.Reader.TryRead(out var update)) received.Add(update);
        return received;
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
