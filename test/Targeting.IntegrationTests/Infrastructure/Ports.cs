using System.Net;
using System.Net.Sockets;

namespace Targeting.IntegrationTests.Infrastructure;

public static class Ports
{
    private static readonly object Gate = new();
    private static readonly HashSet<int> Taken = [];

    /// <summary>A loopback port nobody listens on now (and that this process has not handed out before).</summary>
    public static int Free()
    {
        lock (Gate)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (Taken.Add(port)) return port;
            }
        }
    }
}
