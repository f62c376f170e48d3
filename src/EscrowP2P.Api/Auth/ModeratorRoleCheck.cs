using EscrowP2P.Chain;
using EscrowP2P.Chain.Contracts;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Nethereum.Hex.HexConvertors.Extensions;

namespace EscrowP2P.Api.Auth;

/// <summary>
/// Whether an address is a moderator right now: listed in Auth:Moderators as currently configured, or holding
/// MODERATOR_ROLE on the escrow. The chain's answer is kept for Auth:RoleCacheSeconds at most, and dropped as soon as
/// the escrow's role events name the address. Without an answer from the node the address is no moderator.
/// </summary>
public sealed partial class ModeratorRoleCheck(
    ChainConnection chain,
    IOptionsMonitor<AuthOptions> options,
    IMemoryCache cache,
    ILogger<ModeratorRoleCheck> logger)
{
    // Bumped by every Forget: an answer read from the node before a role change must not be cached after it.
    private long _generation;

    public async Task<bool> IsModeratorAsync(string address, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (settings.Moderators.Contains(address, EthereumAddress.Comparer)) return true;

        var key = CacheKey(address);
        if (cache.TryGetValue(key, out bool cached)) return cached;
        var generation = Interlocked.Read(ref _generation);
        var holds = await HoldsModeratorRoleAsync(address, cancellationToken);
        if (holds is null) return false;
        if (settings.RoleCacheSeconds > 0 && generation == Interlocked.Read(ref _generation))
        {
            cache.Set(key, holds.Value, TimeSpan.FromSeconds(settings.RoleCacheSeconds));
        }
        return holds.Value;
    }

    /// <summary>Drops what is known of these addresses' on-chain role: the next check asks the node.</summary>
    public void Forget(IEnumerable<string> addresses)
    {
        Interlocked.Increment(ref _generation);
        foreach (var address in addresses) cache.Remove(CacheKey(address));
    }

    private async Task<bool?> HoldsModeratorRoleAsync(string address, CancellationToken cancellationToken)
    {
        try
        {
            return await chain.Web3.Eth.GetContractQueryHandler<HasRoleFunction>()
                .QueryAsync<bool>(chain.EscrowAddress, new HasRoleFunction { Role = EscrowRoles.Moderator.HexToByteArray(), Account = address })
                .WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRoleLookupFailed(e, address);
            return null;
        }
    }

    private static string CacheKey(string address) => "moderator-role:" + address.ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read MODERATOR_ROLE of {Address} from the chain; treating it as no moderator")]
    private partial void LogRoleLookupFailed(Exception exception, string address);
}
