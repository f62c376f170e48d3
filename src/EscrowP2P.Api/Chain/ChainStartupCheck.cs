using EscrowP2P.Chain;
using EscrowP2P.Chain.Configuration;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Api.Chain;

/// <summary>
/// Refuses to start against the wrong node: the node's chain id must match Chain:ChainId and the escrow address
/// must hold contract code.
/// </summary>
public sealed partial class ChainStartupCheck(ChainConnection chain, IOptions<ChainOptions> options, ILogger<ChainStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var chainId = (long)(await chain.Web3.Eth.ChainId.SendRequestAsync()).Value;
        if (chainId != settings.ChainId)
        {
            throw new InvalidOperationException($"The node at Chain:RpcUrl reports chain id {chainId}, but Chain:ChainId is {settings.ChainId}.");
        }
        var code = await chain.Web3.Eth.GetCode.SendRequestAsync(settings.EscrowAddress);
        if (string.IsNullOrEmpty(code) || code == "0x")
        {
            throw new InvalidOperationException($"No contract at Chain:EscrowAddress {settings.EscrowAddress} on chain {chainId}.");
        }
        LogReady(chainId, settings.EscrowAddress);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain {ChainId} ready, escrow at {EscrowAddress}")]
    private partial void LogReady(long chainId, string escrowAddress);
}
