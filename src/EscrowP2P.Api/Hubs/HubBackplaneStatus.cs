namespace EscrowP2P.Api.Hubs;

/// <summary>
/// Whether the hub can add a connection to a group now: always without a backplane; with Redis, only while it is
/// connected. SignalR's Redis backplane records a group whose Redis subscription failed as joined, so that connection
/// would never get the group's messages, not even after rejoining once Redis is back: refusing the join is safer.
/// </summary>
public sealed class HubBackplaneStatus(RedisBackplaneConnection? redis = null)
{
    public bool CanJoinGroups => redis is null || redis.IsConnected;
}
