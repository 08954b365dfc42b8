using Polly.CircuitBreaker;
using Polly.Timeout;

namespace LineBot.Line;

/// <summary>
/// What "LINE is unavailable" looks like from outside the HTTP pipeline: every exception <see cref="LineResilience"/>
/// and the transport can throw once retries are spent — the open breaker, a timeout, a broken connection, a 5xx or
/// rate-limit answer. None of them is the event's own fault, so callers delay what needs LINE and keep the rest.
/// </summary>
internal static class LineUnavailable
{
    public static bool Is(Exception exception, CancellationToken cancellationToken = default) => exception switch
    {
        BrokenCircuitException or TimeoutRejectedException or TimeoutException or HttpRequestException => true,
        LineQuotaExceededException => false,
        LineApiException api => (int)api.Status >= 500 || (int)api.Status is 408 or 429,
        // HttpClient's own timeout surfaces as a cancellation nobody asked for.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>LINE unavailable, or LINE refused the call (any error answer): for best-effort calls such as replies.</summary>
    public static bool OrRefused(Exception exception, CancellationToken cancellationToken = default) =>
        exception is LineApiException || Is(exception, cancellationToken);
}
