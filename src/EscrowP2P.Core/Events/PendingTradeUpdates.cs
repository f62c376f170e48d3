using System.Threading.Channels;

namespace EscrowP2P.Core.Events;

/// <summary>
/// Committed trade updates waiting to be pushed to clients, in commit order. Handing updates over never waits: when
/// the queue is full (the hub cannot keep up, or its backplane hangs) the oldest waiting update is dropped and
/// counted. Ingestion therefore never waits for a client or for Redis.
/// </summary>
public sealed class PendingTradeUpdates
{
    public const int DefaultCapacity = 10_000;

    private readonly Channel<TradeUpdate> _channel;

    public PendingTradeUpdates(DroppedTradeUpdates dropped, int capacity = DefaultCapacity)
    {
        _channel = Channel.CreateBounded<TradeUpdate>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped.QueueWasFull);
    }

    /// <summary>Queues committed updates; returns at once.</summary>
    public void Enqueue(IReadOnlyList<TradeUpdate> updates)
    {
        // With DropOldest a write to a bounded channel always succeeds.
        foreach (var update in updates) _channel.Writer.TryWrite(update);
    }

    public ChannelReader<TradeUpdate> Reader => _channel.Reader;
}
