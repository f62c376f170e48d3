using EscrowP2P.Chain.Configuration;
using EscrowP2P.Chain.Events;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nethereum.Web3;

namespace EscrowP2P.ChainTests.Support;

/// <summary>A started <see cref="WebSocketHeadWatcher"/> and its signal, stopped on dispose.</summary>
public sealed class RunningHeadWatcher : IAsyncDisposable
{
    /// <summary>Only a guard against a hanging test, never a measure of speed.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private RunningHeadWatcher(WebSocketHeadWatcher watcher, ChainHeadSignal signal)
    {
        Watcher = watcher;
        Signal = signal;
    }

    public WebSocketHeadWatcher Watcher { get; }
    public ChainHeadSignal Signal { get; }

    public static async Task<RunningHeadWatcher> StartAsync(string? webSocketUrl, int idleTimeoutSeconds = 30)
    {
        var signal = new ChainHeadSignal();
        var options = new ChainOptions { WebSocketUrl = webSocketUrl, WebSocketIdleTimeoutSeconds = idleTimeoutSeconds };
        var watcher = new WebSocketHeadWatcher(Options.Create(options), signal, NullLogger<WebSocketHeadWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);
        return new RunningHeadWatcher(watcher, signal);
    }

    /// <summary>
    /// Mines blocks until the watcher reports one newer than <paramref name="seen"/>: a block mined before the
    /// watcher has (re)subscribed is never announced to it, so a single block could be missed.
    /// </summary>
    public async Task<long> MineUntilHeadAfterAsync(IWeb3 node, long? seen)
    {
        using var guard = new CancellationTokenSource(Guard);
        try
        {
            while (true)
            {
                await MineAsync(node);
                if (await Signal.WaitAsync(seen, TimeSpan.FromMilliseconds(250), guard.Token) is { } head) return head;
            }
        }
        catch (OperationCanceledException) when (guard.IsCancellationRequested)
        {
            throw new TimeoutException($"the watcher reported no head after {seen?.ToString() ?? "none"} within {Guard}");
        }
    }

    /// <summary>Mines one block and waits for the watcher to report exactly that block.</summary>
    public async Task<long> MineAndAwaitHeadAsync(IWeb3 node)
    {
        var seen = Signal.LatestHead;
        await MineAsync(node);
        var mined = (long)(await node.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;
        var head = await Signal.WaitAsync(seen, Guard, CancellationToken.None);
        head.ShouldBe(mined);
        return mined;
    }

    public async ValueTask DisposeAsync()
    {
        await Watcher.StopAsync(CancellationToken.None);
        Watcher.Dispose();
    }

    private static async Task MineAsync(IWeb3 node) => await node.Client.SendRequestAsync<object>("evm_mine");
}
