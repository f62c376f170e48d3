using System.Net;
using System.Net.Sockets;
using EscrowP2P.ChainTests.Support;
using EscrowP2P.DevChain;
using Nethereum.Web3;

namespace EscrowP2P.ChainTests.Events;

public sealed class WebSocketHeadWatcherReconnectionTests : IDisposable
{
    private readonly string _stateFolder = Directory.CreateTempSubdirectory("escrow-heads-").FullName;

    [Fact]
    public async Task The_watcher_resubscribes_after_the_node_restarts_on_the_same_port()
    {
        var statePath = Path.Combine(_stateFolder, "state.json");
        var node = await AnvilNode.StartAsync(new AnvilOptions { StatePath = statePath });
        try
        {
            var port = node.Port;
            await using var running = await RunningHeadWatcher.StartAsync(node.WebSocketUrl);
            var beforeRestart = await running.MineUntilHeadAfterAsync(new Web3(node.RpcUrl), seen: null);


            await node.StopAsync();
            node = await AnvilNode.StartAsync(new AnvilOptions { Port = port, StatePath = statePath });

            var restarted = new Web3(node.RpcUrl);
            var afterRestart = await running.MineUntilHeadAfterAsync(restarted, beforeRestart);

            afterRestart.ShouldBeGreaterThan(beforeRestart);
            running.Watcher.IsConnected.ShouldBeTrue();
            await running.MineAndAwaitHeadAsync(restarted);
        }
        finally
        {
            await node.StopAsync();
        }
    }

    [Fact]
    public async Task The_watcher_subscribes_once_a_node_that_was_down_at_its_start_comes_up()
    {
        var port = FreeLoopbackPort();
        await using var running = await RunningHeadWatcher.StartAsync($"ws://127.0.0.1:{port}");

        await using var node = await AnvilNode.StartAsync(new AnvilOptions { Port = port });

        await running.MineUntilHeadAfterAsync(new Web3(node.RpcUrl), seen: null);
        running.Watcher.IsConnected.ShouldBeTrue();
    }

    public void Dispose() => Directory.Delete(_stateFolder, recursive: true);

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
