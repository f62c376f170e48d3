using Microsoft.Extensions.Options;

namespace EscrowP2P.Core.Trades;

/// <summary>Where Trades:PreparationLifetimeMinutes puts the line between open and expired preparations now.</summary>
public sealed class PreparationLifetime(IOptions<TradeOptions> options, TimeProvider time)
{
    /// <summary>Preparations made at or before this instant have expired.</summary>
    public DateTimeOffset Cutoff => time.GetUtcNow() - TimeSpan.FromMinutes(options.Value.PreparationLifetimeMinutes);
}
