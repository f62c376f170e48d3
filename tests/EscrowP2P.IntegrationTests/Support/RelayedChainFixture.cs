using EscrowP2P.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace EscrowP2P.IntegrationTests.Support;

/// <summary>
/// The app reaching its node through a <see cref="JsonRpcRelay"/>, with no WebSocket: it finds new heads by polling,
/// so every read the listener makes goes through the relay. Everything the app logs is recorded.
/// </summary>
public sealed class RelayedChainFixture : EscrowApiFixture
{
    private JsonRpcRelay? _relay;

    public JsonRpcRelay Relay => _relay ?? throw new InvalidOperationException("the relay has not started");
    public RecordingLogSink Logs { get; } = new();

    // A short reorg window, so that a little downtime leaves history older than it to catch up on.
    protected override void Configure(IDictionary<string, string?> settings) => settings["Events:RecentBlocksKept"] = "16";

    protected override async Task PrepareChainAsync(IDictionary<string, string?> settings)
    {
        _relay = await JsonRpcRelay.StartAsync(Node.RpcUrl);
        settings["Chain:RpcUrl"] = Relay.Url;
        settings.Remove("Chain:WebSocketUrl");
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILogEventSink>(Logs);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_relay is not null) await _relay.DisposeAsync();
    }
}
