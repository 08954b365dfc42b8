using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LineBot.LineStandIn;

/// <summary>
/// The running server's own address in local mode, known only after start (tests listen on port 0): the
/// simulator posts webhooks to <see cref="Server"/>, and the LINE client talks to <see cref="LineBase"/>.
/// </summary>
internal sealed class LocalLineAddress(IServer server)
{
    private Uri? root;

    /// <summary>The server root, e.g. http://127.0.0.1:7071/ (wildcard hosts become loopback).</summary>
    public Uri Server => root ??= Resolve();

    /// <summary>The stand-in's base for both the LINE API and the data host: <c>{server}/_line/</c>.</summary>
    public Uri LineBase => new(Server, StandInEndpoints.Prefix.TrimStart('/') + "/");

    private Uri Resolve()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no address yet; ask after it started.");
        var uri = new UriBuilder(address);
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*" or "localhost")
        {
            uri.Host = "127.0.0.1";
        }

        if (uri.Port == 0)
        {
            throw new InvalidOperationException("The server has not bound its port yet; ask after it started.");
        }

        uri.Path = "/";
        return uri.Uri;
    }
}
