using System.ComponentModel.DataAnnotations;

namespace EscrowP2P.Api.Hubs;

/// <summary>The Redis that carries hub messages between API instances; none configured = one instance, no backplane.</summary>
public sealed class RedisBackplaneOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string (<c>host:port,password=…,ssl=true</c>); may hold a password, so it is never logged.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Prefixed to every Redis channel, so several deployments can share one Redis.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._:-]{1,64}$", ErrorMessage = "Redis:ChannelPrefix must be 1–64 letters, digits, '.', '_', ':' or '-'.")]
    public string ChannelPrefix { get; set; } = "escrowp2p";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);
}
