using System.Net.Http.Headers;
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

/// <summary>Turns an HTTP exchange for content into a <see cref="ContentFetch"/>; never throws for HTTP or network failures.</summary>
internal static class ContentResponses
{
    public static async Task<ContentFetch> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex) when (ExternalAddressRefusedException.Find(ex) is { } refused)
        {
            // Status -1: refused, recorded as such at once; asking again would resolve to the same address.
            return new ContentFetch.Failed(-1, null, refused.Message);
        }
        catch (HttpRequestException ex)
        {
            return new ContentFetch.Failed(0, null, ex.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ContentFetch.Failed(0, null, "timed out");
        }

        var requestId = response.Headers.TryGetValues("x-line-request-id", out var ids) ? ids.FirstOrDefault() : null;
        var status = (int)response.StatusCode;
        switch (status)
        {
            case 200:
                var headers = response.Content.Headers;
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                return new ContentFetch.Ready(stream, ContentType(headers), headers.ContentLength, requestId, response);
            case 202:
                response.Dispose();
                return new ContentFetch.NotReady(requestId);
            case 404 or 410:
                response.Dispose();
                return new ContentFetch.Gone(status, requestId);
            default:
                response.Dispose();
                return new ContentFetch.Failed(status, requestId, response.ReasonPhrase ?? "HTTP " + status);
        }
    }

    private static string ContentType(HttpContentHeaders headers) =>
        headers.ContentType?.MediaType is { Length: > 0 } type ? type : "application/octet-stream";
}
