using System.ComponentModel.DataAnnotations;

namespace EscrowP2P.Api.Infrastructure;

/// <summary>
/// Per-user budgets, each in a fixed one-minute window, for the calls that write or read on a user's behalf. The
/// user is the access token's subject; a request without one counts against its client IP.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>POST /api/p2p/trades: each one simulates transactions on the node and stores a preparation.</summary>
    [Range(1, 100_000)] public int PreparesPerMinute { get; set; } = 30;

    /// <summary>POST and DELETE /api/p2p/offers, together.</summary>
    [Range(1, 100_000)] public int OfferChangesPerMinute { get; set; } = 30;

    /// <summary>POST /api/withdrawals: each one simulates a transaction on the node.</summary>
    [Range(1, 100_000)] public int WithdrawalsPerMinute { get; set; } = 10;

    /// <summary>Hub JoinTrade calls; each one reads the trade and its events.</summary>
    [Range(1, 100_000)] public int TradeJoinsPerMinute { get; set; } = 120;
}
