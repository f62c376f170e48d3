using EscrowP2P.Chain;
using EscrowP2P.Chain.Contracts;
using Nethereum.Web3;

namespace EscrowP2P.DevChain;

/// <summary>
/// Deploys the escrow and the test stablecoin, allow-lists the stablecoin, grants the moderators their role and
/// funds the trader accounts with stablecoins.
/// </summary>
public static class DevChainDeployer
{
    public static async Task<DevDeployment> DeployAsync(IWeb3 admin, DevDeploymentSettings? settings = null, CancellationToken cancellationToken = default)
    {
        settings ??= new DevDeploymentSettings();
        var adminAddress = admin.TransactionManager.Account.Address;

        var escrowReceipt = await admin.Eth.GetContractDeploymentHandler<P2PEscrowDeployment>()
            .SendRequestAndWaitForReceiptAsync(new P2PEscrowDeployment
            {
                Admin = adminAddress,
                FeeRecipient = settings.FeeRecipient,
                FeeBps = settings.FeeBps,
                MinPaymentWindow = settings.MinPaymentWindowSeconds,
                MaxPaymentWindow = settings.MaxPaymentWindowSeconds,
            }, cancellationToken).EnsureSucceeded();
        var escrow = escrowReceipt.ContractAddress;

        var stablecoin = (await admin.Eth.GetContractDeploymentHandler<TestStablecoinDeployment>()
            .SendRequestAndWaitForReceiptAsync(new TestStablecoinDeployment(), cancellationToken).EnsureSucceeded()).ContractAddress;

        await admin.Eth.GetContractTransactionHandler<SetTokenAllowedFunction>()
            .SendRequestAndWaitForReceiptAsync(escrow, new SetTokenAllowedFunction { Token = stablecoin, Allowed = true }, cancellationToken)
            .EnsureSucceeded();

        var moderatorRole = await admin.Eth.GetContractQueryHandler<ModeratorRoleFunction>()
            .QueryAsync<byte[]>(escrow, new ModeratorRoleFunction());
        foreach (var moderator in settings.Moderators)
        {
            await admin.Eth.GetContractTransactionHandler<GrantRoleFunction>()
                .SendRequestAndWaitForReceiptAsync(escrow, new GrantRoleFunction { Role = moderatorRole, Account = moderator }, cancellationToken)
                .EnsureSucceeded();
        }

        if (settings.StablecoinPerTrader > 0)
        {
            foreach (var trader in DevAccounts.Traders)
            {
                await admin.Eth.GetContractTransactionHandler<MintFunction>()
                    .SendRequestAndWaitForReceiptAsync(stablecoin, new MintFunction { To = trader.Address, Amount = settings.StablecoinPerTrader }, cancellationToken)
                    .EnsureSucceeded();
            }
        }

        return new DevDeployment(escrow, stablecoin, (ulong)escrowReceipt.BlockNumber.Value);
    }

    /// <summary>Whether the node still holds the escrow of <paramref name="deployment"/> (a chain that was reset does not).</summary>
    public static async Task<bool> IsDeployedAsync(IWeb3 node, DevDeployment deployment) =>
        await node.Eth.GetCode.SendRequestAsync(deployment.EscrowAddress) is { Length: > 2 };
}
