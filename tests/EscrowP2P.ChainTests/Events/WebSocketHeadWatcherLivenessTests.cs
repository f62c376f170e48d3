using EscrowP2P.ChainTests.Support;
using EscrowP2P.TestSupport;

namespace EscrowP2P.ChainTests.Events;

public class WebSocketHeadWatcherLivenessTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task A_connection_that_goes_silent_is_replaced_when_the_liveness_probe_goes_unanswered()
    {
        await using var relay = new StallingTcpRelay(anvil.Node.Port);
        await using var running = await RunningHeadWatcher.StartAsync($"ws://127.0.0.1:{relay.Port}", idleTimeoutSeconds: 1);
        var beforeStall = await running.MineUntilHeadAfterAsync(anvil.Reader, seen: null);

        relay.StallOpenConnections();

        await running.MineUntilHeadAfterAsync(anvil.Reader, beforeStall);
        relay.ConnectionCount.ShouldBeGreaterThanOrEqualTo(2);
        running.Watcher.IsConnected.ShouldBeTrue();
    }
}
