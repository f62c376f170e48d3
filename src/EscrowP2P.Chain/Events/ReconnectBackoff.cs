namespace EscrowP2P.Chain.Events;

/// <summary>
/// Delays between reconnection attempts: doubling from <c>initial</c> up to <c>max</c>, each cut by up to half at
/// random so that many clients of one restarted node do not reconnect in step, and never below <c>initial</c>.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max)
{
    private int _failures;

    public TimeSpan NextDelay()
    {
        var doublings = Math.Min(_failures, 30);
        _failures++;
        var ceiling = Math.Min(initial.TotalMilliseconds * Math.Pow(2, doublings), max.TotalMilliseconds);
        var jittered = ceiling * (0.5 + (Random.Shared.NextDouble() / 2));
        return TimeSpan.FromMilliseconds(Math.Max(initial.TotalMilliseconds, jittered));
    }

    /// <summary>After a connection that worked, the next failure starts from <c>initial</c> again.</summary>
    public void Reset() => _failures = 0;
}
