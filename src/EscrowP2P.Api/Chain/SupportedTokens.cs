using EscrowP2P.Chain;
using EscrowP2P.Chain.Configuration;
using EscrowP2P.Chain.Contracts;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Api.Chain;

/// <summary>ETH plus the configured ERC-20 tokens, looked up by address.</summary>
public sealed class SupportedTokens
{
    private readonly Dictionary<string, SupportedToken> _byAddress;

    public SupportedTokens(IOptions<ChainOptions> options)
    {
        All = [new SupportedToken(EthToken.Symbol, EthToken.Address, EthToken.Decimals),
            .. options.Value.Tokens.Select(t => new SupportedToken(t.Symbol, EthereumAddress.Checksum(t.Address), t.Decimals))];
        _byAddress = All.ToDictionary(t => t.Address, EthereumAddress.Comparer);
    }

    public IReadOnlyList<SupportedToken> All { get; }

    public SupportedToken? Find(string? address) =>
        address is not null && _byAddress.TryGetValue(address, out var token) ? token : null;
}
