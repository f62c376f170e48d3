using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.Core.Tests.Support;

/// <summary>A block of a <see cref="ScriptedChain"/>: its header and the escrow's logs in it.</summary>
public sealed record ScriptedBlock(long Number, string Hash, string ParentHash, IReadOnlyList<FilterLog> Logs);
