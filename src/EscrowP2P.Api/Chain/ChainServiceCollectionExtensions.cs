using EscrowP2P.Chain;
using EscrowP2P.Chain.Configuration;
using EscrowP2P.Chain.Transactions;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Api.Chain;

public static class ChainServiceCollectionExtensions
{
    /// <summary>The node connection, the escrow service, its parameters and the moderator signer, with validated options.</summary>
    public static WebApplicationBuilder AddEscrowChain(this WebApplicationBuilder builder)
    {
        // A deployment described by the deployer (docker-compose's one-shot service): its Chain section joins the
        // configuration (chain id, escrow address, start block, tokens).
        if (builder.Configuration["Chain:SettingsFile"] is { Length: > 0 } settingsFile)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(settingsFile), optional: false, reloadOnChange: false);
        }
        builder.Services.AddOptions<ChainOptions>()
            .BindConfiguration(ChainOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrWhiteSpace(o.RpcUrl), "Chain:RpcUrl is required (only Development, or DevChain:Enabled=true, runs the embedded development chain when it is empty).")
            .Validate(o => o.Tokens.Select(t => t.Address.ToUpperInvariant()).Distinct().Count() == o.Tokens.Count, "Chain:Tokens lists an address twice.")
            .ValidateOnStart();
        builder.Services.AddOptions<ModeratorKeyOptions>()
            .BindConfiguration(ModeratorKeyOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.PrivateKey) || !string.IsNullOrWhiteSpace(o.KeystorePath),
                "A moderator key is required: Moderator__PrivateKey (environment) or Moderator:KeystorePath + Moderator:KeystorePassword.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ModeratorKeyOptions>, ModeratorKeySourceCheck>();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ChainConnection>();
        builder.Services.AddSingleton<FeeOracle>();
        builder.Services.AddSingleton<TransactionSimulator>();
        builder.Services.AddSingleton<UnsignedTransactionBuilder>();
        builder.Services.AddSingleton<ModeratorSigner>();
        builder.Services.AddSingleton<EscrowService>();
        builder.Services.AddSingleton<EscrowParameters>();
        builder.Services.AddSingleton<SupportedTokens>();
        builder.Services.AddHostedService<ChainStartupCheck>();
        return builder;
    }
}
