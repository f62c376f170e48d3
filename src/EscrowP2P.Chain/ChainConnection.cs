using EscrowP2P.Chain.Configuration;
using Microsoft.Extensions.Options;
using Nethereum.JsonRpc.Client;
using Nethereum.Web3;

namespace EscrowP2P.Chain;

/// <summary>The JSON-RPC connection to the configured node, shared by everything that reads the chain.</summary>
public sealed class ChainConnection : IDisposable
{
    private readonly HttpClient _http;

    public ChainConnection(IOptions<ChainOptions> options)
    {
        var settings = options.Value;
        var rpcUrl = settings.RpcUrl ?? throw new InvalidOperationException("Chain:RpcUrl is not configured.");
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 64,
        })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        Client = new RpcClient(new Uri(rpcUrl), _http);
        Web3 = new Web3(Client);
        ChainId = settings.ChainId;
        EscrowAddress = settings.EscrowAddress;
    }

    public IClient Client { get; }
    public IWeb3 Web3 { get; }
    public long ChainId { get; }
    public string EscrowAddress { get; }

    public void Dispose() => _http.Dispose();
}
