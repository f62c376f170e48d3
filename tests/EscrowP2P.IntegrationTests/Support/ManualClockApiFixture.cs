using EscrowP2P.Api.Coordination;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EscrowP2P.IntegrationTests.Support;

/// <summary>
/// A second instance of the app, on the same chain and database as the fixture's, whose <see cref="TimeProvider"/> is
/// <see cref="Clock"/>: tests move time forward instead of waiting. Two instances on one SQLite file are for tests
/// only: the second does without the lock that keeps a production database to one process.
/// </summary>
public class ManualClockApiFixture : EscrowApiFixture
{
    private WebApplicationFactory<Program>? _clocked;

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Where the app that reads <see cref="Clock"/> listens.</summary>
    public Uri ClockedBaseAddress { get; private set; } = null!;

    public IServiceProvider ClockedServices => _clocked?.Services ?? throw new InvalidOperationException("the app has not started");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _clocked = Factory.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<SqliteInstanceLock>();
        }));
        _clocked.UseKestrel();
        _clocked.StartServer();
        ClockedBaseAddress = _clocked.ClientOptions.BaseAddress;
    }

    public override async Task DisposeAsync()
    {
        if (_clocked is not null) await _clocked.DisposeAsync();
        await base.DisposeAsync();
    }

    public HttpClient CreateClockedClient() => new() { BaseAddress = ClockedBaseAddress };

    /// <summary>A client of the clocked app signed in as <paramref name="account"/> (both apps share the signing key).</summary>
    public async Task<HttpClient> ClockedClientForAsync(DevAccount account)
    {
        var client = CreateClockedClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await this.AccessTokenForAsync(account));
        return client;
    }
}
