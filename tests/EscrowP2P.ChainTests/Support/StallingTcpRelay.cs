using System.Net;
using System.Net.Sockets;

namespace EscrowP2P.ChainTests.Support;

/// <summary>
/// Forwards loopback TCP connections to a real node and can make the open ones go silent without closing them,
/// as a dead NAT entry or a hung load balancer does: nothing arrives, nothing fails.
/// </summary>
public sealed class StallingTcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<RelayedConnection> _connections = [];
    private readonly Task _accepting;

    public StallingTcpRelay(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int ConnectionCount
    {
        get
        {
            lock (_connections) return _connections.Count;
        }
    }

    /// <summary>Every connection open now swallows all further bytes both ways; later connections work.</summary>
    public void StallOpenConnections()
    {
        lock (_connections)
        {
            foreach (var connection in _connections) connection.Stalled = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        RelayedConnection[] connections;
        lock (_connections) connections = [.. _connections];
        foreach (var connection in connections) connection.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var upstream = new TcpClient();
                await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                var connection = new RelayedConnection(client, upstream);
                lock (_connections) _connections.Add(connection);
                connection.Start(_stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private sealed class RelayedConnection(TcpClient client, TcpClient upstream) : IDisposable
    {
        public volatile bool Stalled;

        public void Start(CancellationToken stop)
        {
            _ = PumpAsync(client.GetStream(), upstream.GetStream(), stop);
            _ = PumpAsync(upstream.GetStream(), client.GetStream(), stop);
        }

        public void Dispose()
        {
            client.Dispose();
            upstream.Dispose();
        }

        private async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken stop)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                while (await from.ReadAsync(buffer, stop) is var read and > 0)
                {
                    if (!Stalled) await to.WriteAsync(buffer.AsMemory(0, read), stop);
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
            {
            }
            Dispose();
        }
    }
}
