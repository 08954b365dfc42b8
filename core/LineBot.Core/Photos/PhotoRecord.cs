namespace LineBot.Photos;

/// <summary>
/// One image, video, audio or file message: who sent it where and when (Bangkok date), where its bytes are
/// (<see cref="BlobName"/>; for videos only the <see cref="PreviewBlobName"/>), and whether it is attached to
/// the sender's report of that date.
/// </summary>
internal sealed record PhotoRecord
{
    public required string MessageId { get; init; }

    public required MediaKind Kind { get; init; }

    /// <summary>Group or room ID; <c>direct</c> for a one-to-one chat.</summary>
    public required string GroupId { get; init; }

    /// <summary>Sender's LINE user ID; <c>unknown</c> when LINE did not give it (no consent).</summary>
    public required string UserId { get; init; }
    public required DateOnly Date { get; init; }

    /// <summary>LINE event timestamp (ms since the epoch).</summary>
    public long Timestamp { get; init; }
    public PhotoStatus Status { get; init; } = PhotoStatus.Pending;

    /// <summary>line or external.</summary>
    public string Provider { get; init; } = "line";
    public string? OriginalContentUrl { get; init; }
    public string? PreviewImageUrl { get; init; }

    public string? ImageSetId { get; init; }
    public int? ImageSetIndex { get; init; }
    public int? ImageSetTotal { get; init; }

    public string? BlobName { get; init; }
    public string? PreviewBlobName { get; init; }
    public string? ContentType { get; init; }
    public long? Size { get; init; }
    public string? Sha256 { get; init; }

    /// <summary>Video and audio length in ms; file name and size as LINE announced them.</summary>
    public long? Duration { get; init; }
    public string? FileName { get; init; }
    public long? FileSize { get; init; }

    /// <summary>Counted in the report of <see cref="ReporterId"/> for <see cref="Date"/>.</summary>
    public bool Attached { get; init; }
    public string? ReporterId { get; init; }

    /// <summary>Downloads tried so far; the last failure's HTTP status, LINE request ID and reason.</summary>
    public int Attempts { get; init; }
    public int? FailStatus { get; init; }
    public string? RequestId { get; init; }
    public string? Error { get; init; }

    /// <summary>Evidence of the day's work: a stored image, or a video whose preview is stored.</summary>
    public bool IsEvidence => Status == PhotoStatus.Stored && Kind.IsVisual();

    public bool IsExternal => Provider == "external";
}

/// <summary>Photos sent together (one <c>imageSet</c>), or a single photo, in the order the sender chose.</summary>
internal sealed record PhotoGroup(string Id, int Total, IReadOnlyList<PhotoRecord> Photos)
{
    public bool Complete => Photos.Count >= Total;

    /// <summary>Groups a day's photos by image set (arrival order does not matter), sets ordered by first arrival.</summary>
    public static IReadOnlyList<PhotoGroup> Of(IEnumerable<PhotoRecord> photos) =>
    [
        .. photos
            .GroupBy(p => p.ImageSetId ?? "msg:" + p.MessageId)
            .Select(g => new PhotoGroup(
                g.Key,
                g.Max(p => p.ImageSetTotal ?? 1),
                [.. g.OrderBy(p => p.ImageSetIndex ?? 0).ThenBy(p => p.Timestamp)]))
            .OrderBy(g => g.Photos.Min(p => p.Timestamp)),
    ];
}
