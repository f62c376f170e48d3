using EscrowP2P.Chain.Configuration;
using Microsoft.Extensions.Configuration.UserSecrets;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Api.Chain;

/// <summary>
/// Moderator:PrivateKey and Moderator:KeystorePassword are taken from environment variables, the command line or, in
/// Development, user secrets — never from a configuration file (appsettings*.json or any JSON, INI or XML file), which
/// gets committed or baked into an image. A secret found in one stops the service; the refusal names the setting and
/// the file, never the secret.
/// </summary>
public sealed class ModeratorKeySourceCheck(IConfiguration configuration, IHostEnvironment environment) : IValidateOptions<ModeratorKeyOptions>
{
    private static readonly string[] Secrets =
    [
        $"{ModeratorKeyOptions.Section}:{nameof(ModeratorKeyOptions.PrivateKey)}",
        $"{ModeratorKeyOptions.Section}:{nameof(ModeratorKeyOptions.KeystorePassword)}",
    ];

    public ValidateOptionsResult Validate(string? name, ModeratorKeyOptions options)
    {
        var failures = Secrets
            .Select(secret => (Secret: secret, Files: FilesSetting(secret, configuration).ToList()))
            .Where(found => found.Files.Count > 0)
            .Select(found =>
                $"{found.Secret} must not be set in a configuration file, but {string.Join(", ", found.Files)} sets it. " +
                $"Pass it as the environment variable {found.Secret.Replace(":", "__", StringComparison.Ordinal)} " +
                "(or on the command line; user secrets in Development).")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private IEnumerable<string> FilesSetting(string secret, IConfiguration config) =>
        config is not IConfigurationRoot root ? [] : root.Providers.SelectMany(provider => provider switch
        {
            ChainedConfigurationProvider chained => FilesSetting(secret, chained.Configuration),
            FileConfigurationProvider file when file.TryGet(secret, out var value) && !string.IsNullOrWhiteSpace(value) && !IsAllowedUserSecrets(file)
                => [PathOf(file)],
            _ => [],
        });

    private bool IsAllowedUserSecrets(FileConfigurationProvider file) =>
        environment.IsDevelopment()
        && Path.GetDirectoryName(Path.GetDirectoryName(PathOf(file))) is { } store
        && string.Equals(store, UserSecretsStore, StringComparison.Ordinal);

    private static string PathOf(FileConfigurationProvider file) =>
        file.Source.FileProvider?.GetFileInfo(file.Source.Path ?? "").PhysicalPath ?? file.Source.Path ?? "(unnamed file)";

    /// <summary>The folder that holds every project's user secrets (one sub-folder per UserSecretsId).</summary>
    private static string? UserSecretsStore =>
        Path.GetDirectoryName(Path.GetDirectoryName(PathHelper.GetSecretsPathFromSecretsId("any")));
}
