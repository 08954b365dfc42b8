using System.Net;
using Microsoft.Extensions.Options;

namespace LineBot.Photos;

/// <summary>
/// Content a sender's app keeps elsewhere (<c>contentProvider.type = external</c>): fetched from its
/// <c>originalContentUrl</c>. https only (plain http only to loopback, and only when
/// <see cref="PhotoOptions.AllowLoopbackHttp"/> says so, for tests); no redirects, so a URL cannot bounce us
/// somewhere else; the size cap and time-out apply as for LINE's own content.
/// </summary>
internal sealed class ExternalContentSource(IHttpClientFactory clients, IOptionsMonitor<PhotoOptions> options)
{
    public const string ClientName = "external-content";

    /// <summary>Why a URL is refused, or null when it may be fetched.</summary>
    public string? Refusal(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "not an absolute URL";
        }

        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && options.CurrentValue.AllowLoopbackHttp && IsLoopback(uri))
        {
            return null;
        }

        return $"scheme {uri.Scheme} refused: external content must be https";
    }

    public async Task<ContentFetch> OpenAsync(string? url, CancellationToken cancellationToken)
    {
        if (Refusal(url) is { } refusal)
        {
            return new ContentFetch.Failed(-1, null, refusal);
        }

        var http = clients.CreateClient(ClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url!, UriKind.Absolute));
        return await ContentResponses.SendAsync(http, request, cancellationToken);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
