using Newtonsoft.Json;

namespace EscrowP2P.Chain.Events;

/// <summary>
/// An eth_getLogs filter for exactly one block, named by its hash (EIP-234). Nethereum's NewFilterInput has no
/// blockHash and always sends a block range, which a node must refuse next to a hash.
/// </summary>
public sealed record BlockHashLogFilter(
    [property: JsonProperty("address")] string[] Address,
    [property: JsonProperty("blockHash")] string BlockHash);
