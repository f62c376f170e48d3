using System.ComponentModel.DataAnnotations;

namespace EscrowP2P.Chain.Configuration;

/// <summary>
/// The Ethereum node and the escrow deployment the service works with. Left without an RPC URL, the service
/// starts its own local anvil and fills these in (the embedded development default).
/// </summary>
public sealed class ChainOptions
{
    public const string Section = "Chain";

    [Url] public string? RpcUrl { get; set; }

    /// <summary>Optional WebSocket endpoint for low-latency new-head subscriptions.</summary>
    [RegularExpression("^wss?://.+", ErrorMessage = "Chain:WebSocketUrl must be a ws:// or wss:// URL.")]
    public string? WebSocketUrl { get; set; }

    /// <summary>
    /// Silence on the WebSocket after which a liveness probe is sent; when that goes unanswered as long again,
    /// the connection is dropped and reopened.
    /// </summary>
    [Range(1, 3600)] public int WebSocketIdleTimeoutSeconds { get; set; } = 30;

    [Range(1, long.MaxValue)] public long ChainId { get; set; }

    [Required, EthereumAddress(ErrorMessage = "Chain:EscrowAddress must be a 0x-prefixed 20-byte address.")]
    public string EscrowAddress { get; set; } = "";

    /// <summary>ERC-20 tokens offered to traders; ETH is always supported. Each must also be allow-listed on-chain.</summary>
    public List<TokenOptions> Tokens { get; set; } = [];

    /// <summary>Added on top of the node's gas estimate, so a wallet's transaction does not run out of gas.</summary>
    [Range(0, 200)] public int GasMarginPercent { get; set; } = 20;

    /// <summary>How long a moderator request waits for its transaction's receipt before answering "pending".</summary>
    [Range(1, 600)] public int ReceiptTimeoutSeconds { get; set; } = 60;

    /// <summary>First block the event listener reads (the escrow's deployment block).</summary>
    [Range(0, long.MaxValue)] public long StartBlock { get; set; }
}
