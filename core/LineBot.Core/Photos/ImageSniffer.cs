namespace LineBot.Photos;

/// <summary>
/// The image types the bot stores (those LINE sends: JPEG, PNG, WebP, GIF; video previews are JPEG), told by the
/// content's first bytes. A sender's or provider's Content-Type header is never trusted: an "image" served as
/// HTML or SVG would otherwise be stored as such and later open inline through an admin's link.
/// </summary>
internal static class ImageSniffer
{
    /// <summary>Bytes needed to tell every accepted type (WebP: <c>RIFF····WEBP</c>).</summary>
    public const int HeadLength = 12;

    /// <summary>The checked MIME type, or null when the bytes are not one of the accepted image types.</summary>
    public static string? TypeOf(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] => "image/gif",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        _ => null,
    };

    /// <summary>Reads up to <see cref="HeadLength"/> bytes (fewer only when the content is shorter).</summary>
    public static async Task<byte[]> ReadHeadAsync(Stream source, CancellationToken cancellationToken)
    {
        var head = new byte[HeadLength];
        var filled = 0;
        while (filled < head.Length)
        {
            var n = await source.ReadAsync(head.AsMemory(filled), cancellationToken);
            if (n == 0)
            {
                break;
            }

            filled += n;
        }

        return filled == head.Length ? head : head[..filled];
    }

    /// <summary>Why content is refused, for the record: what it claimed to be and how it starts.</summary>
    public static string Refusal(string declaredType, ReadOnlySpan<byte> head) =>
        $"not an image LINE sends (declared {declaredType}; first bytes {(head.IsEmpty ? "none" : Convert.ToHexString(head))})";
}
