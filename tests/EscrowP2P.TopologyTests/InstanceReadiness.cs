using System.Text.Json;
using EscrowP2P.TestSupport.Servers;

namespace EscrowP2P.TopologyTests;

/// <summary>What an instance's /health/ready says about event ingestion: whether it leads, and the stored cursor.</summary>
public sealed record InstanceReadiness(bool IsLeader, long Cursor)
{
    public static async Task<InstanceReadiness> ReadAsync(ApiProcess instance)
    {
        using var client = new HttpClient { BaseAddress = instance.BaseAddress };
        // 503 while not ready still carries the report.
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var ingestion = report.RootElement.GetProperty("checks").GetProperty("ingestion").GetProperty("data");
        return new InstanceReadiness(ingestion.GetProperty("leader").GetBoolean(), ingestion.GetProperty("cursor").GetInt64());
    }

    /// <summary>Waits until exactly one of the instances leads (the time limit only guards against a hang).</summary>
    public static async Task<(ApiProcess Leader, ApiProcess Follower)> LeaderAndFollowerAsync(IReadOnlyList<ApiProcess> instances)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var live = instances.Where(i => !i.HasExited).ToList();
            var states = await Task.WhenAll(live.Select(ReadAsync));
            var leaders = live.Where((_, i) => states[i].IsLeader).ToList();
            if (leaders.Count == 1 && live.Count == 2) return (leaders[0], live.Single(i => i != leaders[0]));
            await Task.Delay(100, guard.Token);
        }
    }

    /// <summary>Waits until <paramref name="instance"/> leads (the time limit only guards against a hang).</summary>
    public static async Task WaitUntilLeadingAsync(ApiProcess instance)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!(await ReadAsync(instance)).IsLeader) await Task.Delay(20, guard.Token);
    }

    /// <summary>Waits until the instance reports a stored cursor at or past <paramref name="block"/>.</summary>
    public static async Task WaitForCursorAsync(ApiProcess instance, long block)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await ReadAsync(instance)).Cursor < block) await Task.Delay(50, guard.Token);
    }
}
