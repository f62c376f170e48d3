using System.ComponentModel.DataAnnotations;

namespace EscrowP2P.Api.Infrastructure;

/// <summary>Per-user budgets (the access token's subject) for the calls that write or read on a user's behalf.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Hub JoinTrade calls per user per minute; each one reads the trade and its events.</summary>
    [Range(1, 100_000)] public int TradeJoinsPerMinute { get; set; } = 120;
}
