using System.Net;
using LineBot.Line;

namespace LineBot.Photos;

/// <summary>
/// Message content through the shared LINE data-API client (its retries, circuit breaker and errors), as the
/// photo code sees it: never throws for HTTP or network failures, 404 counts as gone like 410.
/// </summary>
internal sealed class LineContentSource(LineContentClient content) : IMessageContentSource
{
    public Task<ContentFetch> OpenAsync(string messageId, CancellationToken cancellationToken) =>
        FetchAsync(ct => content.OpenContentAsync(messageId, ct), cancellationToken);

    public Task<ContentFetch> OpenPreviewAsync(string messageId, CancellationToken cancellationToken) =>
        FetchAsync(ct => content.OpenPreviewAsync(messageId, ct), cancellationToken);

    private static async Task<ContentFetch> FetchAsync(Func<CancellationToken, Task<ContentResult>> open, CancellationToken cancellationToken)
    {
        ContentResult result;
        try
        {
            result = await open(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return new ContentFetch.Failed(0, null, ex.Message);
        }
        catch (Exception ex) when (ex is TimeoutException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
                                       || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new ContentFetch.Failed(0, null, "timed out or circuit open: " + ex.GetType().Name);
        }

        return result switch
        {
            ContentResult.Ready ready => new ContentFetch.Ready(ready.Content, ready.ContentType ?? "application/octet-stream", ready.Length, LineResponses.Header(ready.Response, LineResponses.RequestIdHeader), ready.Response),
            ContentResult.NotReady notReady => new ContentFetch.NotReady(notReady.RequestId),
            ContentResult.Gone gone => new ContentFetch.Gone(410, gone.RequestId),
            ContentResult.Failed { Error.Status: HttpStatusCode.NotFound } failed => new ContentFetch.Gone(404, failed.Error.RequestId),
            ContentResult.Failed failed => new ContentFetch.Failed((int)failed.Error.Status, failed.Error.RequestId, failed.Error.LineMessage ?? failed.Error.Message),
            _ => throw new InvalidOperationException("unknown content result " + result.GetType().Name),
        };
    }

}
