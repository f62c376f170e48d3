using EscrowP2P.Chain.Events;

namespace EscrowP2P.ChainTests.Events;

public class ChainHeadSignalTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_waiter_wakes_when_a_newer_head_is_notified()
    {
        var signal = new ChainHeadSignal();
        var waiting = signal.WaitAsync(null, Guard, CancellationToken.None);
        waiting.IsCompleted.ShouldBeFalse();

        signal.Notify(7);

        (await waiting).ShouldBe(7);
        signal.LatestHead.ShouldBe(7);
    }

    [Fact]
    public async Task A_head_notified_between_two_waits_is_not_lost()
    {
        var signal = new ChainHeadSignal();
        signal.Notify(1);
        var seen = await signal.WaitAsync(null, Guard, CancellationToken.None);

        signal.Notify(2);

        (await signal.WaitAsync(seen, Guard, CancellationToken.None)).ShouldBe(2);
    }

    [Fact]
    public async Task Heads_notified_while_a_waiter_was_busy_arrive_as_the_newest()
    {
        var signal = new ChainHeadSignal();
        signal.Notify(1);

        signal.Notify(2);
        signal.Notify(3);

        (await signal.WaitAsync(1, Guard, CancellationToken.None)).ShouldBe(3);
    }

    [Fact]
    public async Task A_head_no_newer_than_the_latest_wakes_nobody()
    {
        var signal = new ChainHeadSignal();
        signal.Notify(5);
        var waiting = signal.WaitAsync(5, Guard, CancellationToken.None);

        signal.Notify(5);
        signal.Notify(4);

        waiting.IsCompleted.ShouldBeFalse();
        signal.LatestHead.ShouldBe(5);
        signal.Notify(6);
        (await waiting).ShouldBe(6);
    }

    [Fact]
    public async Task A_waiter_ahead_of_the_signal_keeps_waiting_until_the_signal_passes_it()
    {
        var signal = new ChainHeadSignal();
        signal.Notify(3);
        var waiting = signal.WaitAsync(5, Guard, CancellationToken.None);

        signal.Notify(4);
        signal.Notify(5);
        waiting.IsCompleted.ShouldBeFalse();

        signal.Notify(6);
        (await waiting).ShouldBe(6);
    }

    [Fact]
    public async Task A_wait_returns_null_when_no_newer_head_comes_in_time()
    {
        var signal = new ChainHeadSignal();
        signal.Notify(9);

        (await signal.WaitAsync(9, TimeSpan.FromMilliseconds(10), CancellationToken.None)).ShouldBeNull();
        (await new ChainHeadSignal().WaitAsync(null, TimeSpan.FromMilliseconds(10), CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task A_cancelled_wait_throws_instead_of_returning_null()
    {
        var signal = new ChainHeadSignal();
        using var cancel = new CancellationTokenSource();
        var waiting = signal.WaitAsync(null, Guard, cancel.Token);

        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(waiting);
    }

    [Fact]
    public async Task Concurrent_waiters_all_wake_on_one_notify()
    {
        var signal = new ChainHeadSignal();
        signal.Notify(10);
        var waiters = Enumerable.Range(0, 50)
            .Select(_ => signal.WaitAsync(10, Guard, CancellationToken.None))
            .ToArray();
        waiters.ShouldAllBe(waiter => !waiter.IsCompleted);

        signal.Notify(11);

        (await Task.WhenAll(waiters)).ShouldAllBe(head => head == 11);
    }

    [Fact]
    public async Task Waiters_see_every_notifier_s_progress_when_heads_race_in_from_many_threads()
    {
        var signal = new ChainHeadSignal();
        var notifiers = Enumerable.Range(1, 8)
            .Select(thread => Task.Run(() =>
            {
                for (var head = thread; head <= 8_000; head += 8) signal.Notify(head);
            }));
        var follower = Task.Run(async () =>
        {
            long? seen = null;
            while (seen is not 8_000)
            {
                var head = await signal.WaitAsync(seen, Guard, CancellationToken.None) ?? throw new TimeoutException("stuck");
                head.ShouldBeGreaterThan(seen ?? 0);
                seen = head;
            }
        });

        await Task.WhenAll(notifiers);
        await follower.WaitAsync(Guard);
        signal.LatestHead.ShouldBe(8_000);
    }
}
