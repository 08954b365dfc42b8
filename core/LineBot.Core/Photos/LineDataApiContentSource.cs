using System.Net.Http.Headers;

namespace LineBot.Photos;

/// <summary>
/// Message content from LINE's data API (<c>Line:DataApiBaseUrl</c>, another host than the messaging API).
/// Only headers are awaited; the body is handed on as a stream. Relative URIs, so a base with a path works.
/// </summary>
internal sealed class LineDataApiContentSource(IHttpClientFactory clients) : IMessageContentSource
{
    public const string ClientName = "line-data";

    public Task<ContentFetch> OpenAsync(string messageId, CancellationToken cancellationToken) =>
        GetAsync($"v2/bot/message/{Uri.EscapeDataString(messageId)}/content", cancellationToken);

    public Task<ContentFetch> OpenPreviewAsync(string messageId, CancellationToken cancellationToken) =>
        GetAsync($"v2/bot/message/{Uri.EscapeDataString(messageId)}/content/preview", cancellationToken);

    private async Task<ContentFetch> GetAsync(string path, CancellationToken cancellationToken)
    {
        var http = clients.CreateClient(ClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        return await ContentResponses.SendAsync(http, request, cancellationToken);
    }
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
