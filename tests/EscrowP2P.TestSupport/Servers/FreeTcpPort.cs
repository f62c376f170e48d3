using System.Net;
using System.Net.Sockets;

namespace EscrowP2P.TestSupport.Servers;

public static class FreeTcpPort
{
    /// <summary>A loopback port nobody listens on now (the operating system's choice).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
