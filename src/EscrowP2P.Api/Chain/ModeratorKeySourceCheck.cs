using EscrowP2P.Chain.Configuration;
using Microsoft.Extensions.Configuration.UserSecrets;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Api.Chain;

/// <summary>
/// Moderator:PrivateKey is taken from environment variables, the command line or, in Development, user secrets —
/// never from a configuration file (appsettings*.json or any JSON, INI or XML file), which gets committed or baked
/// into an image. A key found in one stops the service; the refusal names the file, never the key.
/// </summary>
public sealed class ModeratorKeySourceCheck(IConfiguration configuration, IHostEnvironment environment) : IValidateOptions<ModeratorKeyOptions>
{
    private const string Key = $"{ModeratorKeyOptions.Section}:{nameof(ModeratorKeyOptions.PrivateKey)}";

    public ValidateOptionsResult Validate(string? name, ModeratorKeyOptions options)
    {
        var files = FilesSettingTheKey(configuration).ToList();
        return files.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{Key} must not be set in a configuration file, but {string.Join(", ", files)} sets it. " +
                "Pass it as the environment variable Moderator__PrivateKey (or on the command line; user secrets in Development), " +
                "or use Moderator:KeystorePath + Moderator:KeystorePassword.");
    }

    private IEnumerable<string> FilesSettingTheKey(IConfiguration config) =>
        config is not IConfigurationRoot root ? [] : root.Providers.SelectMany(provider => provider switch
        {
            ChainedConfigurationProvider chained => FilesSettingTheKey(chained.Configuration),
            FileConfigurationProvider file when file.TryGet(Key, out var value) && !string.IsNullOrWhiteSpace(value) && !IsAllowedUserSecrets(file)
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
