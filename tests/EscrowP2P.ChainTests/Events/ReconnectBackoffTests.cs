using EscrowP2P.Chain.Events;

namespace EscrowP2P.ChainTests.Events;

public class ReconnectBackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(10);

    [Fact]
    public void The_first_retry_waits_the_initial_delay()
    {
        new ReconnectBackoff(Initial, Max).NextDelay().ShouldBe(Initial);
    }

    [Fact]
    public void Delays_double_with_jitter_and_stop_at_the_cap()
    {
        var backoff = new ReconnectBackoff(Initial, Max);
        var delays = Enumerable.Range(0, 40).Select(_ => backoff.NextDelay()).ToList();

        for (var attempt = 0; attempt < delays.Count; attempt++)
        {
            var ceiling = Math.Min(Initial.TotalMilliseconds * Math.Pow(2, attempt), Max.TotalMilliseconds);
            delays[attempt].TotalMilliseconds.ShouldBeInRange(Math.Max(Initial.TotalMilliseconds, ceiling / 2), ceiling);
        }
        delays.Skip(10).ShouldAllBe(delay => delay >= Max / 2 && delay <= Max);
    }

    [Fact]
    public void A_reset_starts_again_from_the_initial_delay()
    {
        var backoff = new ReconnectBackoff(Initial, Max);
        for (var i = 0; i < 8; i++) backoff.NextDelay();

        backoff.Reset();

        backoff.NextDelay().ShouldBe(Initial);
    }
}
