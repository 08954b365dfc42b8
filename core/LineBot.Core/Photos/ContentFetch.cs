namespace LineBot.Photos;

/// <summary>The outcome of asking for a message's content: a stream to read, or why there is none.</summary>
internal abstract record ContentFetch
{
    private ContentFetch()
    {
    }

    /// <summary>The body, still on the wire: read it once, then dispose (which also releases the response).</summary>
    internal sealed record Ready(Stream Content, string ContentType, long? Length, string? RequestId, IDisposable? Owner = null) : ContentFetch, IDisposable
    {
        public void Dispose()
        {
            Content.Dispose();
            Owner?.Dispose();
        }
    }

    /// <summary>202: LINE is still preparing the content (video, audio); ask again later.</summary>
    internal sealed record NotReady(string? RequestId) : ContentFetch;

    /// <summary>410 (or 404): the content is gone, e.g. the message was unsent or LINE no longer keeps it.</summary>
    internal sealed record Gone(int Status, string? RequestId) : ContentFetch;

    /// <summary>Anything else. <see cref="Status"/> is 0 for a network failure or time-out, -1 for a URL we refuse to fetch.</summary>
    internal sealed record Failed(int Status, string? RequestId, string Reason) : ContentFetch
    {
        /// <summary>Worth another try later (server errors, rate limits, time-outs, network).</summary>
        public bool Transient => Status is 0 or 408 or 429 or >= 500;
    }
}

/// <summary>
/// Where message content comes from: the seam between photo storage and the LINE data API client, so the
/// shared LINE client can replace <see cref="LineContentSource"/> without touching the photo code.
/// </summary>
internal interface IMessageContentSource
{
    /// <summary><c>GET /v2/bot/message/{id}/content</c>.</summary>
    Task<ContentFetch> OpenAsync(string messageId, CancellationToken cancellationToken);

    /// <summary><c>GET /v2/bot/message/{id}/content/preview</c> (video and image previews).</summary>
    Task<ContentFetch> OpenPreviewAsync(string messageId, CancellationToken cancellationToken);
}
