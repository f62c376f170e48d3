using EscrowP2P.Chain.Contracts;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;

namespace EscrowP2P.Chain.Events;

/// <summary>Finds the accounts whose MODERATOR_ROLE on the escrow was granted or revoked in a batch of its logs.</summary>
public static class ModeratorRoleEvents
{
    /// <summary>Distinct EIP-55 addresses; empty when no log changes the moderator role.</summary>
    public static IReadOnlyCollection<string> AccountsIn(IEnumerable<FilterLog> logs)
    {
        var accounts = new HashSet<string>(EthereumAddress.Comparer);
        foreach (var log in logs)
        {
            var (role, account) = log.IsLogForEvent<RoleGrantedEvent>() ? Of(log.DecodeEvent<RoleGrantedEvent>().Event)
                : log.IsLogForEvent<RoleRevokedEvent>() ? Of(log.DecodeEvent<RoleRevokedEvent>().Event)
                : default;
            if (role is not null && role.ToHex(prefix: true) == EscrowRoles.Moderator)
            {
                accounts.Add(AddressUtil.Current.ConvertToChecksumAddress(account));
            }
        }
        return accounts;
    }

    private static (byte[]? Role, string Account) Of(RoleGrantedEvent granted) => (granted.Role, granted.Account);

    private static (byte[]? Role, string Account) Of(RoleRevokedEvent revoked) => (revoked.Role, revoked.Account);
}
