using Nethereum.ABI.FunctionEncoding.Attributes;

namespace EscrowP2P.Chain.Contracts;

// OpenZeppelin AccessControl's role events, emitted by the escrow when the admin grants or revokes a role.

[Event("RoleGranted")]
public sealed class RoleGrantedEvent : IEventDTO
{
    [Parameter("bytes32", "role", 1, true)] public byte[] Role { get; set; } = [];
    [Parameter("address", "account", 2, true)] public string Account { get; set; } = "";
    [Parameter("address", "sender", 3, true)] public string Sender { get; set; } = "";
}

[Event("RoleRevoked")]
public sealed class RoleRevokedEvent : IEventDTO
{
    [Parameter("bytes32", "role", 1, true)] public byte[] Role { get; set; } = [];
    [Parameter("address", "account", 2, true)] public string Account { get; set; } = "";
    [Parameter("address", "sender", 3, true)] public string Sender { get; set; } = "";
}
