namespace EscrowP2P.Api.Infrastructure;

/// <summary>Names of the per-user rate-limit policies (see <see cref="RateLimitOptions"/>).</summary>
public static class RateLimitPolicies
{
    public const string Prepare = "prepare";
    public const string OfferChanges = "offer-changes";
    public const string Withdrawals = "withdrawals";
}
