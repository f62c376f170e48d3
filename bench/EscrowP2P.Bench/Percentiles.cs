namespace EscrowP2P.Bench;

public static class Percentiles
{
    public static double Of(IReadOnlyList<double> samples, double percentile)
    {
        if (samples.Count == 0) return double.NaN;
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static string Summary(IReadOnlyList<double> milliseconds) =>
        $"p50 {Of(milliseconds, 50):F1} ms, p99 {Of(milliseconds, 99):F1} ms, max {milliseconds.Max():F1} ms (n={milliseconds.Count})";
}
