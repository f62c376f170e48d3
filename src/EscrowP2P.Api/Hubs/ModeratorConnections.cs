using EscrowP2P.Chain;
using Microsoft.AspNetCore.SignalR;

namespace EscrowP2P.Api.Hubs;

/// <summary>The open hub connections whose token names a moderator, by address, so they can be closed when the role goes.</summary>
public sealed class ModeratorConnections
{
    private readonly Dictionary<string, Dictionary<string, HubCallerContext>> _byAddress = new(EthereumAddress.Comparer);
    private readonly Lock _lock = new();

    public IReadOnlyList<string> Addresses
    {
        get
        {
            lock (_lock) return [.. _byAddress.Keys];
        }
    }

    public void Add(string address, HubCallerContext connection)
    {
        lock (_lock)
        {
            if (!_byAddress.TryGetValue(address, out var connections)) _byAddress[address] = connections = [];
            connections[connection.ConnectionId] = connection;
        }
    }

    public void Remove(string address, string connectionId)
    {
        lock (_lock)
        {
            if (_byAddress.TryGetValue(address, out var connections) && connections.Remove(connectionId) && connections.Count == 0)
            {
                _byAddress.Remove(address);
            }
        }
    }

    /// <summary>Closes every connection of <paramref name="address"/>; returns how many there were.</summary>
    public int Abort(string address)
    {
        List<HubCallerContext> closing;
        lock (_lock)
        {
            if (!_byAddress.Remove(address, out var connections)) return 0;
            closing = [.. connections.Values];
        }
        foreach (var connection in closing) connection.Abort();
        return closing.Count;
    }
}
