using System.Net;
using System.Net.Sockets;

namespace LineBot.Tests.Infrastructure;

internal static class FreePort
{
    /// <summary>A loopback port nobody listens on right now (bind 0, read, release).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
