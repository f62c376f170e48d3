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
