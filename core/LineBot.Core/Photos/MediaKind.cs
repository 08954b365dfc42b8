using LineBot.Webhook;

namespace LineBot.Photos;

/// <summary>The kinds of media message the bot records. Stored (and logged) as LINE's message type names.</summary>
internal enum MediaKind
{
    Image,
    Video,
    Audio,
    File,
}

internal static class MediaKinds
{
    /// <summary>LINE's message type for the kind: image, video, audio or file.</summary>
    public static string Name(this MediaKind kind) => kind switch
    {
        MediaKind.Image => MessageTypes.Image,
        MediaKind.Video => MessageTypes.Video,
        MediaKind.Audio => MessageTypes.Audio,
        MediaKind.File => MessageTypes.File,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A LINE message type (or stored name) to its kind; null for types that are not media.</summary>
    public static MediaKind? Parse(string? type) => type switch
    {
        MessageTypes.Image => MediaKind.Image,
        MessageTypes.Video => MediaKind.Video,
        MessageTypes.Audio => MediaKind.Audio,
        MessageTypes.File => MediaKind.File,
        _ => null,
    };

    /// <summary>Images and videos can be evidence of the day's work; audio and files are only recorded.</summary>
    public static bool IsVisual(this MediaKind kind) => kind is MediaKind.Image or MediaKind.Video;
}
