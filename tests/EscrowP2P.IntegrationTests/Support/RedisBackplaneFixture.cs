using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json;
using EscrowP2P.Api.Infrastructure;
using EscrowP2P.TestSupport;
using EscrowP2P.TestSupport.Servers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EscrowP2P.IntegrationTests.Support;

/// <summary>
/// The app with its hub on a Redis backplane (a real redis-server of this class, which tests kill and start again), and
/// on demand more instances of the app that share that Redis and channel prefix but have their own store and never
/// ingest (Events:Ingest=false): their hub clients get only what Redis carries from the ingesting instance.
/// </summary>
public sealed class RedisBackplaneFixture : EscrowApiFixture, IDisposable
{
    private readonly List<(WebApplicationFactory<Program> App, string DatabasePath)> _restOnly = [];
    private readonly ConcurrentDictionary<string, long> _dropCounts = new();
    private MeterListener? _drops;

    public RedisServer Redis { get; private set; } = null!;
    public string ChannelPrefix { get; } = $"escrowp2p-test-{Guid.NewGuid():N}";

    public override async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        await base.InitializeAsync();
    }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Redis:ConnectionString"] = Redis.ConnectionString;
        settings["Redis:ChannelPrefix"] = ChannelPrefix;
    }

    /// <summary>
    /// Starts another instance that serves REST and the hub only, on its own SQLite file, with more
    /// <paramref name="settings"/> and services if given; returns its address.
    /// </summary>
    public Uri StartRestOnlyInstance(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var databasePath = Path.Combine(Path.GetTempPath(), $"escrowp2p-test-{Guid.NewGuid():N}.db");
        var instance = Factory.WithWebHostBuilder(web =>
        {
            web.UseSetting("Events:Ingest", "false");
            // On PostgreSQL it shares the app's database, as instances of one deployment do; a SQLite file serves one
            // instance only, so there it gets a store of its own.
            if (DatabaseProvider == DatabaseProvider.Sqlite) web.UseSetting("Database:ConnectionString", $"Data Source={databasePath}");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) web.UseSetting(key, value);
            if (services is not null) web.ConfigureTestServices(services);
        });
        instance.UseKestrel();
        instance.StartServer();
        _restOnly.Add((instance, databasePath));
        return instance.ClientOptions.BaseAddress;
    }

    /// <summary>Starts Redis again if a test left it killed, and waits until the app's backplane is connected.</summary>
    public async Task EnsureRedisRunsAsync()
    {
        if (!Redis.IsRunning) await Redis.StartAgainAsync();
        await WaitForRedisCheckAsync("Healthy");
    }

    /// <summary>Waits until /health/ready at <paramref name="instance"/> reports the Redis check with <paramref name="status"/>.</summary>
    public async Task<JsonElement> WaitForRedisCheckAsync(string status, Uri? instance = null)
    {
        using var client = new HttpClient { BaseAddress = instance ?? BaseAddress };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (body.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString() == status) return body;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the Redis check did not turn {status}: {body}");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Updates the ingesting instance dropped for one reason, counted from the first call. Read from its own meters:
    /// /metrics would add in the meters of the other apps this test process hosts, and lose those of apps that stopped.
    /// </summary>
    public long DroppedUpdates(string reason)
    {
        if (_drops is null)
        {
            var meters = Services.GetRequiredService<IMeterFactory>();
            _drops = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Scope == meters && instrument.Name == "escrowp2p.hub.updates.dropped") listener.EnableMeasurementEvents(instrument);
                },
            };
            _drops.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag is { Key: "reason", Value: string counted }) _dropCounts.AddOrUpdate(counted, value, (_, total) => total + value);
                }
            });
            _drops.Start();
        }
        return _dropCounts.GetValueOrDefault(reason);
    }

    public void Dispose() => _drops?.Dispose();

    public override async Task DisposeAsync()
    {
        foreach (var (app, databasePath) in _restOnly)
        {
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(databasePath) + "*")) File.Delete(file);
        }
        await base.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
