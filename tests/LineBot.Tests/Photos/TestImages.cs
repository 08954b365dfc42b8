using System.Security.Cryptography;

namespace LineBot.Tests.Photos;

/// <summary>Bodies that start as the image types the bot stores (their magic numbers), the rest random.</summary>
internal static class TestImages
{
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF, 0xE0];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Jpeg(int length) => With(JpegMagic, length);

    public static byte[] Png(int length) => With(PngMagic, length);

    /// <summary>Makes a body a JPEG by its first bytes, in place (for large bodies built elsewhere).</summary>
    public static byte[] AsJpeg(byte[] body)
    {
        JpegMagic.CopyTo(body, 0);
        return body;
    }

    private static byte[] With(byte[] magic, int length)
    {
        var body = RandomNumberGenerator.GetBytes(Math.Max(length, magic.Length));
        magic.CopyTo(body, 0);
        return body;
    }
}
