namespace EscrowP2P.Chain.Configuration;

/// <summary>
/// Where the platform's moderator key comes from: an encrypted keystore file and its password, or a raw private
/// key from the environment (Moderator__PrivateKey), the command line or, in Development, user secrets. The web host
/// refuses to start when a configuration file sets the raw key. Never logged.
/// </summary>
public sealed class ModeratorKeyOptions
{
    public const string Section = "Moderator";

    public string? PrivateKey { get; set; }
    public string? KeystorePath { get; set; }
    public string? KeystorePassword { get; set; }

    public override string ToString() => "ModeratorKeyOptions { secrets redacted }";
}
