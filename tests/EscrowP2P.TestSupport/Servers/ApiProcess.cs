using System.Globalization;

namespace EscrowP2P.TestSupport.Servers;

/// <summary>
/// The API as operators run it: its built program in its own process (`dotnet EscrowP2P.Api.dll`) on a free loopback
/// port, configured through environment variables only. It can be killed like `kill -9`.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly ServerProcess _process;

    private ApiProcess(ServerProcess process, string name, int port)
    {
        _process = process;
        Name = name;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    public string Name { get; }
    public Uri BaseAddress { get; }
    public bool HasExited => _process.HasExited;
    public string RecentOutput => _process.RecentOutput;

    /// <summary>Starts the API with <paramref name="settings"/> (configuration keys, e.g. Database:Provider) and waits until it answers /health/live.</summary>
    public static async Task<ApiProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings, string environmentName = "Production")
    {
        var program = RepositoryPaths.BuiltProgram("EscrowP2P.Api");
        var port = FreeTcpPort.Next();
        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        environment["ASPNETCORE_ENVIRONMENT"] = environmentName;
        // The program's own folder is its content root, as in the image: its appsettings.json applies.
        var process = ServerProcess.Start(name, "dotnet", [program], environment: environment, workingDirectory: Path.GetDirectoryName(program));
        var api = new ApiProcess(process, name, port);
        try
        {
            await api.WaitUntilLiveAsync();
            return api;
        }
        catch
        {
            await process.StopAsync();
            throw;
        }
    }

    /// <summary>SIGKILL: the process dies at once, its connections drop, nothing is flushed.</summary>
    public Task KillAsync() => _process.KillAsync();

    public Task StopAsync() => _process.StopAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitUntilLiveAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited during start-up:\n{_process.RecentOutput}");
            try
            {
                using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative), deadline.Token);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"{Name} did not answer /health/live:\n{_process.RecentOutput}");
            }
            await Task.Delay(100, deadline.Token);
        }
    }
}
