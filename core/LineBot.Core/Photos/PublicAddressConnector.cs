using System.Net;
using System.Net.Sockets;

namespace LineBot.Photos;

/// <summary>
/// Connections for external content go to public addresses only: a sender-supplied URL must not make the bot reach
/// into its own network (cloud metadata, storage emulators, private services). Checked on the resolved address, at
/// connect time, so DNS tricks do not get around it. Loopback is allowed only when the caller says so (tests).
/// </summary>
internal static class PublicAddressConnector
{
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Create(Func<bool> allowLoopback) =>
        async (context, cancellationToken) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var allowed = addresses.Where(a => IsPublic(a) || (allowLoopback() && IPAddress.IsLoopback(a))).ToArray();
            if (allowed.Length == 0)
            {
                throw new ExternalAddressRefusedException($"{context.DnsEndPoint.Host} does not resolve to a public address; external content is refused.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10 || b[0] == 0 || b[0] >= 224
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127));
        }

        // IPv6: link-local, site-local, unique local (fc00::/7), multicast.
        var first = address.GetAddressBytes()[0];
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (first & 0xFE) == 0xFC);
    }
}
