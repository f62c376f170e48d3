using EscrowP2P.Chain;
using EscrowP2P.Chain.Contracts;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Api.Auth;

/// <summary>
/// The roles written into a new access token: moderator for the addresses in Auth:Moderators and for holders of
/// MODERATOR_ROLE on the escrow contract.
/// </summary>
public sealed partial class RoleResolver(ChainConnection chain, IOptions<AuthOptions> options, ILogger<RoleResolver> logger)
{
    private byte[]? _moderatorRole;

    public async Task<IReadOnlyList<string>> RolesOfAsync(string address) =>
        options.Value.Moderators.Contains(address, StringComparer.OrdinalIgnoreCase) || await HoldsModeratorRoleAsync(address)
            ? [Roles.Moderator]
            : [];

    private async Task<bool> HoldsModeratorRoleAsync(string address)
    {
        try
        {
            _moderatorRole ??= await chain.Web3.Eth.GetContractQueryHandler<ModeratorRoleFunction>()
                .QueryAsync<byte[]>(chain.EscrowAddress, new ModeratorRoleFunction());
            return await chain.Web3.Eth.GetContractQueryHandler<HasRoleFunction>()
                .QueryAsync<bool>(chain.EscrowAddress, new HasRoleFunction { Role = _moderatorRole, Account = address });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Fail closed: without an answer from the node the token carries no on-chain role; signing in again later fixes it.
            LogRoleLookupFailed(e, address);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read MODERATOR_ROLE of {Address} from the chain; signing in without it")]
    private partial void LogRoleLookupFailed(Exception exception, string address);
}
