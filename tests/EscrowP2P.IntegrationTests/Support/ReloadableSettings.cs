using Microsoft.Extensions.Configuration;

namespace EscrowP2P.IntegrationTests.Support;

/// <summary>A configuration source the test changes while the app runs; each change is a configuration reload.</summary>
public sealed class ReloadableSettings : ConfigurationProvider, IConfigurationSource
{
    public ReloadableSettings(IEnumerable<KeyValuePair<string, string?>> initial)
    {
        foreach (var (key, value) in initial) Data[key] = value;
    }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public void Remove(string key)
    {
        Data.Remove(key);
        OnReload();
    }
}
