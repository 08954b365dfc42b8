using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LineBot.Line;

/// <summary>Shared request building and response reading for both LINE clients.</summary>
internal static class LineResponses
{
    public const string RequestIdHeader = "x-line-request-id";
    public const string AcceptedRequestIdHeader = "x-line-accepted-request-id";
    public const string RetryKeyHeader = "X-Line-Retry-Key";

    /// <summary>Exact bytes with a Content-Length, so a retry re-sends the same body.</summary>
    public static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, string operation, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken)
            ?? throw new LineApiException(response.StatusCode, "empty response body", [], Header(response, RequestIdHeader), null, operation);
    }

    public static async Task<LineApiException> ErrorAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        LineErrorBody? body = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (text.Length > 0 && text.TrimStart().StartsWith('{'))
            {
                body = JsonSerializer.Deserialize(text, LineJsonContext.Default.LineErrorBody);
            }
        }
        catch (JsonException)
        {
            // Not LINE's error shape (a proxy's page): the status alone has to do.
        }

        var requestId = Header(response, RequestIdHeader);
        var details = body?.Details ?? [];
        return response.StatusCode == HttpStatusCode.TooManyRequests && LineQuotaExceededException.IsMonthlyLimit(body?.Message)
            ? new LineQuotaExceededException(response.StatusCode, body?.Message, details, requestId, operation)
            : new LineApiException(response.StatusCode, body?.Message, details, requestId, Header(response, AcceptedRequestIdHeader), operation);
    }
}
