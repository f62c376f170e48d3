using EscrowP2P.ChainTests.Support;
using EscrowP2P.TestSupport;

namespace EscrowP2P.ChainTests.Events;

public class WebSocketHeadWatcherTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task Every_mined_block_reaches_the_signal()
    {
        await using var running = await RunningHeadWatcher.StartAsync(anvil.Node.WebSocketUrl);
        await running.MineUntilHeadAfterAsync(anvil.Reader, seen: null);

        var heads = new List<long>();
        for (var i = 0; i < 5; i++) heads.Add(await running.MineAndAwaitHeadAsync(anvil.Reader));

        heads.ShouldBe(Enumerable.Range((int)heads[0], 5).Select(n => (long)n));
        running.Watcher.IsConnected.ShouldBeTrue();
        running.Watcher.LastHeadAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Without_a_websocket_url_the_watcher_finishes_at_once_and_never_connects()
    {
        await using var running = await RunningHeadWatcher.StartAsync(webSocketUrl: "");

        await running.Watcher.ExecuteTask.ShouldNotBeNull().WaitAsync(RunningHeadWatcher.Guard);

        running.Watcher.ExecuteTask.IsCompletedSuccessfully.ShouldBeTrue();
        running.Watcher.IsConnected.ShouldBeFalse();
        running.Watcher.LastHeadAt.ShouldBeNull();
        running.Signal.LatestHead.ShouldBeNull();
    }
}
