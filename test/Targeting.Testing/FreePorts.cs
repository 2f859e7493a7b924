using System.Net;
using System.Net.Sockets;

namespace Targeting.Testing;

/// <summary>Free TCP ports on loopback, for servers that tests start themselves.</summary>
public static class FreePorts
{
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>One free port on 127.0.0.1 that this process has not handed out before: servers
    /// often bind their ports only later, so the operating system alone could give one out twice.</summary>
    public static int Next()
    {
        lock (HandedOut)
        {
            while (true)
            {
                var port = Take(1)[0];
                if (HandedOut.Add(port)) return port;
            }
        }
    }

    /// <summary>
    /// Distinct free ports: all listeners are held open until every port is chosen, so the
    /// operating system cannot hand the same port out twice within one call.
    /// </summary>
    public static int[] Take(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
                listener.Stop();
        }
    }

    /// <summary>Waits until something accepts TCP connections on 127.0.0.1:port.</summary>
    public static async Task WaitUntilListeningAsync(int port, TimeSpan timeout, Func<bool>? giveUp = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && giveUp?.Invoke() != true)
            {
                await Task.Delay(100);
            }
        }
    }
}
