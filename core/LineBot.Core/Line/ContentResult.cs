namespace LineBot.Line;

/// <summary>What asking LINE for a message's content gave: exactly one of the nested cases.</summary>
internal abstract record ContentResult
{
    private ContentResult()
    {
    }

    /// <summary>
    /// The body as a stream straight off the socket (never buffered whole). Dispose it (it owns the response);
    /// <paramref name="Length"/> is null when LINE sends no Content-Length.
    /// </summary>
    internal sealed record Ready(Stream Content, string? ContentType, long? Length, HttpResponseMessage Response) : ContentResult, IAsyncDisposable, IDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Content.DisposeAsync();
            Response.Dispose();
        }

        public void Dispose()
        {
            Content.Dispose();
            Response.Dispose();
        }
    }

    /// <summary>202: LINE is still preparing the content (videos, audio, previews); ask again later.</summary>
    internal sealed record NotReady(string? RequestId = null) : ContentResult;

    /// <summary>410: the sender unsent the message (or it expired); the content is gone for good.</summary>
    internal sealed record Gone(string? RequestId = null) : ContentResult;

    /// <summary>Any other error status LINE answered with (after retries for transient ones).</summary>
    internal sealed record Failed(LineApiException Error) : ContentResult;
}
