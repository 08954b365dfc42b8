using System.Net;

namespace LineBot.Line;

/// <summary>A message breaks one of LINE's limits (<see cref="LineLimits"/>); nothing was sent.</summary>
internal sealed class LineMessageLimitException(string message) : Exception(message);

/// <summary>LINE answered with an error status (after any retries). Carries what LINE said and its request IDs.</summary>
internal class LineApiException : Exception
{
    public LineApiException(HttpStatusCode status, string? lineMessage, IReadOnlyList<LineErrorDetail> details, string? requestId, string? acceptedRequestId, string operation)
        : base(Describe(status, lineMessage, details, requestId, operation))
    {
        Status = status;
        LineMessage = lineMessage;
        Details = details;
        RequestId = requestId;
        AcceptedRequestId = acceptedRequestId;
    }

    public HttpStatusCode Status { get; }

    /// <summary>LINE's <c>message</c> field, e.g. "Invalid reply token".</summary>
    public string? LineMessage { get; }

    public IReadOnlyList<LineErrorDetail> Details { get; }

    /// <summary><c>x-line-request-id</c>: quote it to LINE support.</summary>
    public string? RequestId { get; }

    /// <summary><c>x-line-accepted-request-id</c>: set on a 409 for a retry key already accepted.</summary>
    public string? AcceptedRequestId { get; }

    /// <summary>LINE refuses a reply token that is expired, used, or unknown.</summary>
    public bool IsInvalidReplyToken =>
        Status == HttpStatusCode.BadRequest && LineMessage?.Contains("reply token", StringComparison.OrdinalIgnoreCase) == true;

    private static string Describe(HttpStatusCode status, string? message, IReadOnlyList<LineErrorDetail> details, string? requestId, string operation)
    {
        var text = $"LINE {operation} failed: {(int)status} {message ?? status.ToString()}";
        if (details.Count > 0)
        {
            text += " (" + string.Join("; ", details.Select(d => $"{d.Property}: {d.Message}")) + ")";
        }

        return requestId is null ? text : $"{text} [x-line-request-id {requestId}]";
    }
}

/// <summary>
/// The 429 "You have reached your monthly limit.": no retry helps until the quota resets or is raised, so the
/// caller must see it (and e.g. record the digest as not delivered).
/// </summary>
internal sealed class LineQuotaExceededException(HttpStatusCode status, string? lineMessage, IReadOnlyList<LineErrorDetail> details, string? requestId, string operation)
    : LineApiException(status, lineMessage, details, requestId, null, operation)
{
    public const string MonthlyLimitMessage = "You have reached your monthly limit.";

    public static bool IsMonthlyLimit(string? lineMessage) =>
        lineMessage?.Contains("monthly limit", StringComparison.OrdinalIgnoreCase) == true;
}
