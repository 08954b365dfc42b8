using System.Net;
using Microsoft.Extensions.Logging;

namespace LineBot.Line;

/// <summary>Typed client for LINE's content host (<c>Line:DataApiBaseUrl</c>): photos and files users sent.</summary>
internal sealed class LineContentClient(HttpClient http, ILogger<LineContentClient> logger)
{
    /// <summary>The original content, streamed: read it into its destination (a blob) without holding it in memory.</summary>
    public Task<ContentResult> OpenContentAsync(string messageId, CancellationToken cancellationToken = default) =>
        OpenAsync(messageId, $"v2/bot/message/{Uri.EscapeDataString(messageId)}/content", cancellationToken);

    /// <summary>The preview image of an image, video or file message.</summary>
    public Task<ContentResult> OpenPreviewAsync(string messageId, CancellationToken cancellationToken = default) =>
        OpenAsync(messageId, $"v2/bot/message/{Uri.EscapeDataString(messageId)}/content/preview", cancellationToken);

    /// <summary>Whether a video/audio is ready to download: <c>processing</c>, <c>succeeded</c> or <c>failed</c>.</summary>
    public async Task<TranscodingStatus> GetTranscodingStatusAsync(string messageId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"v2/bot/message/{Uri.EscapeDataString(messageId)}/content/transcoding", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await LineResponses.ErrorAsync(response, "transcoding status", cancellationToken);
        }

        return await LineResponses.ReadAsync(response, LineJsonContext.Default.TranscodingStatus, "transcoding status", cancellationToken);
    }

    /// <summary>
    /// Attaches the image to a rich menu (once per menu: LINE refuses a second upload). Checked first against LINE's
    /// rules and the menu's size (<see cref="RichMenuLimits.ValidateImage"/>).
    /// </summary>
    public async Task UploadRichMenuImageAsync(string richMenuId, byte[] image, RichMenuSize size, CancellationToken cancellationToken = default)
    {
        var contentType = RichMenuLimits.ValidateImage(image, size);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v2/bot/richmenu/{Uri.EscapeDataString(richMenuId)}/content")
        {
            Content = new ByteArrayContent(image) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType) } },
        };
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = await LineResponses.ErrorAsync(response, "upload rich menu image", cancellationToken);
            Log.ApiError(logger, "upload rich menu image", (int)error.Status, error.LineMessage, error.RequestId);
            throw error;
        }
    }

    private async Task<ContentResult> OpenAsync(string messageId, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        // Headers only: the body stays on the socket until the caller reads it.
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                    var ready = new ContentResult.Ready(stream, response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentLength, response);
                    response = null;
                    return ready;
                case HttpStatusCode.Accepted:
                    Log.ContentOutcome(logger, messageId, "not ready");
                    return new ContentResult.NotReady(LineResponses.Header(response, LineResponses.RequestIdHeader));
                case HttpStatusCode.Gone:
                    Log.ContentOutcome(logger, messageId, "gone");
                    return new ContentResult.Gone(LineResponses.Header(response, LineResponses.RequestIdHeader));
                default:
                    var error = await LineResponses.ErrorAsync(response, "content", cancellationToken);
                    Log.ApiError(logger, "content", (int)error.Status, error.LineMessage, error.RequestId);
                    return new ContentResult.Failed(error);
            }
        }
        finally
        {
            response?.Dispose();
        }
    }
}
