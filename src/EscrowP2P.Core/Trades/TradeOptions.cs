using System.ComponentModel.DataAnnotations;

namespace EscrowP2P.Core.Trades;

public sealed class TradeOptions
{
    public const string Section = "Trades";

    /// <summary>How long a prepared trade waits for its createTrade on-chain before it is dropped.</summary>
    [Range(1, 7 * 24 * 60)] public int PreparationLifetimeMinutes { get; set; } = 60;
}
