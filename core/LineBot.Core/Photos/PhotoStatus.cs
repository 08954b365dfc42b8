namespace LineBot.Photos;

/// <summary>What became of a media message's content. Stored as the lower-case names of <see cref="PhotoStatuses"/>.</summary>
internal enum PhotoStatus
{
    /// <summary>Claimed; a download is under way or scheduled (after a transient failure).</summary>
    Pending,

    /// <summary>LINE answered 202: still preparing; a retry is queued.</summary>
    NotReady,
    Stored,

    /// <summary>Gave up after retries, or a non-transient error; <c>linebot photos retry</c> tries again.</summary>
    Failed,

    /// <summary>410/404 from LINE: unsent or expired.</summary>
    Gone,

    /// <summary>Bigger than Photos:MaxBytes: not stored.</summary>
    Oversize,

    /// <summary>Audio and files: recorded as received, not downloaded.</summary>
    Unsupported,

    /// <summary>An external URL we will not fetch (not https, a private address), or content that is not an image type we store.</summary>
    Refused,
}

/// <summary>The names statuses have in the photos table (and in logs); rows written before the enum read the same.</summary>
internal static class PhotoStatuses
{
    public static string Name(this PhotoStatus status) => status switch
    {
        PhotoStatus.Pending => "pending",
        PhotoStatus.NotReady => "notready",
        PhotoStatus.Stored => "stored",
        PhotoStatus.Failed => "failed",
        PhotoStatus.Gone => "gone",
        PhotoStatus.Oversize => "oversize",
        PhotoStatus.Unsupported => "unsupported",
        PhotoStatus.Refused => "refused",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>A stored name back to its status; anything unknown (or missing) reads as pending, as before.</summary>
    public static PhotoStatus Parse(string? name) => name switch
    {
        "notready" => PhotoStatus.NotReady,
        "stored" => PhotoStatus.Stored,
        "failed" => PhotoStatus.Failed,
        "gone" => PhotoStatus.Gone,
        "oversize" => PhotoStatus.Oversize,
        "unsupported" => PhotoStatus.Unsupported,
        "refused" => PhotoStatus.Refused,
        _ => PhotoStatus.Pending,
    };
}
