using EscrowP2P.Bench;

// Prints the performance figures: event-to-client latency (WebSocket heads, with and without the Redis backplane, and
// polling), catch-up rate, prepare throughput and hub fan-out, each against a real anvil and the real app on a loopback port.
// Usage: dotnet run -c Release --project bench/EscrowP2P.Bench [-- --quick]
// A console app gets no test-host content root from the build: point WebApplicationFactory at the API project.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ESCROWP2P_API",
    Path.GetFullPath(Path.Combine(EscrowP2P.DevChain.ContractToolchain.ContractsDirectory, "..", "src", "EscrowP2P.Api")));
var quick = args.Contains("--quick");
var events = quick ? 50 : 200;
Console.WriteLine($"EscrowP2P benchmark: {Environment.ProcessorCount} cores, {(quick ? "quick" : "full")} run\n");

await RunAsync(new BenchFixture(webSocketHeads: true, pollIntervalMilliseconds: 250), async app =>
    Console.WriteLine($"event-to-client latency, WebSocket heads:  {Percentiles.Summary(await Latency.MeasureAsync(app, events))}"));
await RunAsync(new BenchFixture(webSocketHeads: true, pollIntervalMilliseconds: 250, redisBackplane: true), async app =>
    Console.WriteLine($"event-to-client latency, WebSocket heads, Redis backplane: {Percentiles.Summary(await Latency.MeasureAsync(app, events))}"));
await RunAsync(new BenchFixture(webSocketHeads: false, pollIntervalMilliseconds: 250), async app =>
    Console.WriteLine($"event-to-client latency, polling 250 ms:   {Percentiles.Summary(await Latency.MeasureAsync(app, events))}"));
await RunAsync(new BenchFixture(webSocketHeads: false, pollIntervalMilliseconds: 50), async app =>
    Console.WriteLine($"event-to-client latency, polling 50 ms:    {Percentiles.Summary(await Latency.MeasureAsync(app, events))}"));
await RunAsync(new BenchFixture(webSocketHeads: true, pollIntervalMilliseconds: 250), async app =>
{
    Console.WriteLine(await PrepareThroughput.MeasureAsync(app, TimeSpan.FromSeconds(quick ? 5 : 15), concurrency: 16));
    Console.WriteLine(await FanOut.MeasureAsync(app, quick ? 200 : 1_000));
    Console.WriteLine(await CatchUp.MeasureAsync(app, quick ? 300 : 2_000));
});

static async Task RunAsync(BenchFixture app, Func<BenchFixture, Task> measure)
{
    try
    {
        await app.InitializeAsync();
        await app.WaitForIngestionAsync();
        await measure(app);
    }
    finally
    {
        await app.DisposeAsync();
    }
}
